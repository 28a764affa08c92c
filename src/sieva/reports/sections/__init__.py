"""The report's sections, in the order officials expect them (issue 5): Pendahuluan, Tujuan,
Metode Evaluasi, Hasil, Studi Kasus, Tantangan, Rekomendasi, Kesimpulan; then the methods
appendix and the list of the data annex."""
