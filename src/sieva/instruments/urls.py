from django.urls import path

from sieva.instruments.views import builder, campaigns, catalogue, detail, editor, imports, respond

app_name = "instruments"

urlpatterns = [
    path("", catalogue.instrument_list, name="instrument_list"),
    path("baru/", catalogue.instrument_create, name="instrument_create"),
    path("impor/", catalogue.instrument_import, name="instrument_import"),
    path("<int:pk>/", detail.instrument_detail, name="instrument_detail"),
    path("<int:pk>/ubah/", detail.instrument_update, name="instrument_update"),
    path("<int:pk>/salin/", catalogue.instrument_clone, name="instrument_clone"),
    path("<int:pk>/versi/", detail.instrument_versions, name="instrument_versions"),
    path("<int:pk>/versi/<int:number>/", detail.version_detail, name="version_detail"),
    path("<int:pk>/ekspor/<str:fmt>/", detail.instrument_export, name="instrument_export"),
    path("<int:pk>/sunting/", editor.instrument_edit, name="instrument_edit"),
    path("<int:pk>/sunting/terbitkan/", editor.version_publish, name="version_publish"),
    path("<int:pk>/sunting/bagian/baru/", editor.section_edit, name="section_create"),
    path("<int:pk>/sunting/bagian/<int:section_id>/", editor.section_edit, name="section_edit"),
    path(
        "<int:pk>/sunting/bagian/<int:section_id>/hapus/",
        editor.section_delete,
        name="section_delete",
    ),
    path(
        "<int:pk>/sunting/bagian/<int:section_id>/geser/",
        builder.section_move,
        name="section_move",
    ),
    path(
        "<int:pk>/sunting/bagian/<int:section_id>/salin/",
        builder.section_duplicate,
        name="section_duplicate",
    ),
    path("<int:pk>/sunting/butir/<int:item_id>/geser/", builder.item_move, name="item_move"),
    path(
        "<int:pk>/sunting/butir/<int:item_id>/salin/",
        builder.item_duplicate,
        name="item_duplicate",
    ),
    path("<int:pk>/sunting/skala/baru/", builder.scale_edit, name="scale_create"),
    path("<int:pk>/sunting/skala/<int:scale_id>/", builder.scale_edit, name="scale_edit"),
    path("<int:pk>/sunting/skala/<int:scale_id>/hapus/", builder.scale_delete, name="scale_delete"),
    path("<int:pk>/sunting/butir/baru/", editor.item_edit, name="item_create"),
    path("<int:pk>/sunting/butir/<int:item_id>/", editor.item_edit, name="item_edit"),
    path("<int:pk>/sunting/butir/<int:item_id>/hapus/", editor.item_delete, name="item_delete"),
    path("kampanye/", campaigns.campaign_list, name="campaign_list"),
    path("kampanye/baru/", campaigns.campaign_create, name="campaign_create"),
    path("kampanye/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("kampanye/<int:pk>/tautan/", campaigns.campaign_links, name="campaign_links"),
    path("kampanye/<int:pk>/tutup/", campaigns.campaign_close, name="campaign_close"),
    path("kampanye/<int:pk>/tanggapan/", campaigns.campaign_responses, name="campaign_responses"),
    path("kampanye/<int:pk>/impor/", imports.response_import, name="response_import"),
    path(
        "impor-tanggapan/<int:pk>/kolom/",
        imports.response_import_mapping,
        name="response_import_mapping",
    ),
    path(
        "impor-tanggapan/<int:pk>/pratinjau/",
        imports.response_import_preview,
        name="response_import_preview",
    ),
    path(
        "impor-tanggapan/<int:pk>/", imports.response_import_status, name="response_import_status"
    ),
    path(
        "impor-tanggapan/<int:pk>/ulang/",
        imports.response_import_retry,
        name="response_import_retry",
    ),
    path(
        "impor-tanggapan/<int:pk>/galat.csv",
        imports.response_import_errors,
        name="response_import_errors",
    ),
    # Respondents' personal links: no login, the token is the credential.
    path("isi/<str:token>/", respond.respond, name="respond"),
    path("isi/<str:token>/terima-kasih/", respond.respond_thanks, name="respond_thanks"),
    # The same form for a signed-in invitee, from their workspace: the login is the credential.
    path("jawab/<int:pk>/", respond.respond_signed_in, name="respond_signed_in"),
    path(
        "jawab/<int:pk>/terima-kasih/",
        respond.respond_signed_in_thanks,
        name="respond_signed_in_thanks",
    ),
]
