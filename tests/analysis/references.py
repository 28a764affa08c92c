"""Published data sets used as references by several tests."""

import numpy as np

# R `sleep` data (Cushny & Peebles 1905, as in Student 1908): extra sleep under two drugs,
# the same ten patients in both groups.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

# Shrout & Fleiss (1979), Table 2: six targets rated by four judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def with_moments(n: int, mean: float, sd: float, seed: int) -> np.ndarray:
    """A sample whose mean and SD (ddof 1) are exactly the given ones."""
    z = np.random.default_rng(seed).normal(size=n)
    z = (z - z.mean()) / z.std(ddof=1)
    return mean + sd * z


def correlated_pair(
    n: int, means: tuple[float, float], sd: float, r: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Two samples with exactly the given means, common SD (ddof 1) and correlation."""
    z = np.random.default_rng(seed).normal(size=(n, 2))
    z -= z.mean(axis=0)
    # Whiten so the sample covariance is exactly the identity (ddof 1).
    cov = np.cov(z, rowvar=False)
    z = z @ np.linalg.inv(np.linalg.cholesky(cov)).T
    first = z[:, 0]
    second = r * z[:, 0] + np.sqrt(1 - r * r) * z[:, 1]
    return means[0] + sd * first, means[1] + sd * second
