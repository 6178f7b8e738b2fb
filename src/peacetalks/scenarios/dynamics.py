"""The monthly dynamics of one block of runs, vectorised over the runs with NumPy.

Every equation is written out in docs/scenarios.md under the same names. Each month draws a
fixed set of random numbers for every run whatever state it is in, so a run's random stream
never depends on what happened in it (or in other runs): changing a parameter changes outcomes
only through the equations — the common random numbers behind the monotonicity tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from peacetalks.scenarios.packages import CEASEFIRE_ISSUE, GUARANTEES, SANCTIONS, TERRITORY, Packages, sign, utilities
from peacetalks.scenarios.parameters import INDEX

FloatArray = NDArray[np.float64]

OUTCOMES: tuple[str, ...] = (
    "continued-war", "escalation", "ceasefire-monitored", "ceasefire-unmonitored", "frozen-conflict",
    "comprehensive-agreement",
)
WAR, ESCALATION, MONITORED, UNMONITORED, FROZEN, AGREEMENT = range(6)
STATE: tuple[str, ...] = (
    "territory-share", "gains-km2", "cost-first-party", "cost-second-party", "opinion-first-party",
    "opinion-second-party", "aid", "sanctions", "mediation", "reservation-first-party",
    "reservation-second-party", "salience-guarantees-first-party", "salience-territory-first-party",
    "salience-sanctions-second-party", "salience-ceasefire-first-party", "salience-ceasefire-second-party",
)
SHOCKS: tuple[str, ...] = (
    "offensives", "strike-campaigns", "sanctions-packages", "leadership-changes", "deadlines",
    "us-policy-changes", "ceasefire-collapses", "agreement-breakdowns",
)
#: The regime a run is in: at war, under a ceasefire (either kind) or under an agreement.
CEASEFIRE = MONITORED
_UNIFORMS = 12
_NORMALS = 4


@dataclass(frozen=True)
class Start:
    """The state at the forecast date, read from the case's indicators as of that date."""

    territory_share: float
    opinion_first: float
    opinion_second: float


@dataclass(frozen=True, eq=False)
class Block:
    """Per-run results of one block: ``outcome[n, H]`` (index into :data:`OUTCOMES`), the
    first month fighting stopped (0 = never), the package signed first (−1 = none) and its
    month, state trajectories ``state[n, H + 1, len(STATE)]``, shock counts and the draws."""

    outcome: NDArray[np.int8]
    stop_month: NDArray[np.int16]
    package: NDArray[np.int32]
    package_month: NDArray[np.int16]
    state: NDArray[np.float32]
    shocks: NDArray[np.int16]
    draws: FloatArray


def run_block(packages: Packages, draws: FloatArray, start: Start, horizon: int,
              rng: np.random.Generator) -> Block:
    """Simulate ``len(draws)`` runs over ``horizon`` months."""
    n = len(draws)

    def col(name: str) -> FloatArray:
        return draws[:, INDEX[name]]

    k = len(packages.actors)
    r0 = packages.reservation_low + rng.random((n, k)) * (packages.reservation_high - packages.reservation_low)
    gbar = col("gain-rate-mean")
    log_g = np.log(gbar)
    gained = np.zeros(n)
    cost = np.zeros((n, 2))
    opinion0 = np.array([start.opinion_first, start.opinion_second])
    opinion = np.tile(opinion0, (n, 1))
    aid = np.ones(n)
    sanctions = np.ones(n)
    mediation = col("mediator-engagement-mean").copy()
    leader_shift = np.zeros((n, 2))
    regime = np.full(n, WAR)
    monitored = np.zeros(n, dtype=bool)
    since = np.zeros(n, dtype=np.int64)
    current = np.full(n, -1, dtype=np.int64)
    collapses = np.zeros(n)
    strikes = np.zeros(n)
    reservation = r0.copy()
    salience = np.ones((n, k, len(packages.groups)))

    outcome = np.zeros((n, horizon), dtype=np.int8)
    stop_month = np.zeros(n, dtype=np.int16)
    package = np.full(n, -1, dtype=np.int32)
    package_month = np.zeros(n, dtype=np.int16)
    shocks = np.zeros((n, len(SHOCKS)), dtype=np.int16)
    state = np.zeros((n, horizon + 1, len(STATE)), dtype=np.float32)
    km2 = col("km2-per-percent")

    def record(t: int, gains: FloatArray) -> None:
        state[:, t] = np.stack([start.territory_share + gained / km2, gains, cost[:, 0], cost[:, 1],
                                opinion[:, 0], opinion[:, 1], aid, sanctions, mediation,
                                reservation[:, 0], reservation[:, 1], salience[:, 0, GUARANTEES],
                                salience[:, 0, TERRITORY], salience[:, 1, SANCTIONS],
                                salience[:, 0, CEASEFIRE_ISSUE], salience[:, 1, CEASEFIRE_ISSUE]], axis=1)

    record(0, np.zeros(n))
    for t in range(1, horizon + 1):
        u = rng.random((n, _UNIFORMS))
        z = rng.standard_normal((n, _NORMALS))
        war = regime == WAR
        # Shocks.
        offensive = war & (u[:, 0] < col("offensive-probability"))
        strike = war & (u[:, 1] < col("strike-probability"))
        package_new = u[:, 2] < col("sanctions-package-probability")
        leader = u[:, 3] < col("leadership-change-probability")
        deadline = u[:, 5] < col("deadline-probability")
        us_change = u[:, 6] < col("us-policy-change-probability")
        # External support and mediation.
        effect = col("us-policy-change-effect")
        mediation = np.clip(mediation + col("mediator-reversion") * (col("mediator-engagement-mean") - mediation)
                            + deadline * col("deadline-boost") - us_change * effect * mediation, 0.0, 1.0)
        aid = np.maximum(aid + col("aid-drift") + strike * col("strike-aid-response") - us_change * effect * aid, 0.0)
        sanctions = sanctions + package_new * col("sanctions-package-size")
        # Battlefield.
        log_g = log_g + col("gain-rate-reversion") * (np.log(gbar) - log_g) + col("gain-rate-volatility") * z[:, 0]
        multiplier = np.where(offensive, col("offensive-multiplier"), 1.0)
        gains = np.where(war, np.exp(log_g) * np.maximum(1.0 + col("aid-effect-on-gains") * (1.0 - aid), 0.0)
                         * multiplier, 0.0)
        gained = gained + gains
        # Costs of war and opinion.
        share = np.where(war, 1.0, np.where(regime == AGREEMENT, 0.0, col("ceasefire-cost-share")))
        d_first = share * (col("ukraine-cost-per-month") + strike * col("strike-cost"))
        d_second = share * (col("russia-cost-per-month") + col("sanctions-cost") * np.maximum(sanctions - 1.0, 0.0))
        cost = cost + np.stack([d_first, d_second], axis=1)
        noise = col("opinion-noise")[:, None] * z[:, 1:3]
        opinion = np.clip(opinion + np.stack([col("ukraine-opinion-per-cost") * d_first,
                                              col("russia-opinion-per-cost") * d_second], axis=1) + noise, 0.0, 100.0)
        side = (u[:, 4] < 0.5).astype(int)
        leader_shift[np.arange(n), side] += leader * col("leadership-change-shift") * z[:, 3]
        # Reservation values, red-line tolerance and saliences.
        momentum = np.where(war, gains / gbar - 1.0, 0.0)
        strikes = strikes + strike
        reservation = r0.copy()
        reservation[:, 0] = (r0[:, 0] - col("ukraine-opinion-weight") * (opinion[:, 0] - opinion0[0])
                             - col("momentum-weight") * momentum + col("strike-hardening") * strikes
                             + col("aid-weight") * (aid - 1.0) + leader_shift[:, 0])
        reservation[:, 1] = (r0[:, 1] - col("russia-opinion-weight") * (opinion[:, 1] - opinion0[1])
                             + col("momentum-weight") * momentum - col("sanctions-weight") * (sanctions - 1.0)
                             + leader_shift[:, 1])
        reservation[:, :2] = np.clip(reservation[:, :2], 0.0, 1.0)
        tolerance = np.zeros((n, k))
        tolerance[:, 0] = col("ukraine-red-line-erosion") * cost[:, 0]
        tolerance[:, 1] = col("russia-red-line-erosion") * cost[:, 1]
        salience[:, 0, GUARANTEES] = (1.0 + col("collapse-guarantee-salience")) ** collapses
        opened = opinion[:, 0] - opinion0[0]
        salience[:, 0, TERRITORY] = np.exp(-col("ukraine-territory-salience-per-opinion") * opened)
        salience[:, 1, SANCTIONS] = np.exp(col("russia-sanctions-salience-per-sanctions") * (sanctions - 1.0))
        salience[:, 0, CEASEFIRE_ISSUE] = np.exp(col("ukraine-ceasefire-salience-per-cost") * cost[:, 0])
        salience[:, 1, CEASEFIRE_ISSUE] = np.exp(-col("russia-ceasefire-salience-per-cost") * cost[:, 1])

        # Deals. A signing attempt needs the month's draw to succeed; only then is the package
        # search run (it is the expensive step, and its result cannot matter otherwise).
        p_sign = col("signing-probability") * mediation
        ceasefire = regime == CEASEFIRE
        attempt = (war | ceasefire) & (u[:, 7] < p_sign * col("ratification-factor") * packages.readiness)
        rows = np.flatnonzero(attempt)
        chosen = sign(packages, reservation[rows], tolerance[rows], salience[rows])
        agreed = np.zeros(n, dtype=bool)
        ok_rows = rows[chosen >= 0]
        agreed[ok_rows] = True
        current[ok_rows] = chosen[chosen >= 0]
        first_deal = agreed & (package < 0)
        package[first_deal] = current[first_deal]
        package_month[first_deal] = t
        cf_u = utilities(packages.ceasefire_base, packages.ceasefire_part, packages.w_base, packages.w_part, salience)
        cf_ok = (cf_u >= reservation).all(axis=1)
        truce = war & ~agreed & (u[:, 8] < p_sign) & cf_ok
        # Phase defection.
        hazard = np.where(monitored, col("monitored-collapse-hazard"), col("unmonitored-collapse-hazard"))
        collapse = ceasefire & ~agreed & (u[:, 9] < hazard)
        weakness = packages.weakness[np.maximum(current, 0)]
        breakdown = (regime == AGREEMENT) & (u[:, 10] < col("agreement-breakdown-hazard") * (0.25 + 0.75 * weakness))
        collapses += collapse
        # Transitions at the end of the month; ``monitored`` says which kind of ceasefire.
        regime = np.where(agreed, AGREEMENT, regime)
        regime = np.where(truce, CEASEFIRE, regime)
        regime = np.where(collapse | breakdown, WAR, regime)
        monitored = np.where(truce, u[:, 11] < col("monitored-share"), monitored)
        since = np.where(truce, t, since)
        stopped = (regime != WAR) & (stop_month == 0)
        stop_month[stopped] = t
        # Classification of the month.
        frozen = (regime == CEASEFIRE) & (t - since + 1 >= col("frozen-after-months"))
        code = np.where(regime == AGREEMENT, AGREEMENT,
               np.where(regime == CEASEFIRE, np.where(frozen, FROZEN, np.where(monitored, MONITORED, UNMONITORED)),
               np.where(gains > col("escalation-threshold"), ESCALATION, WAR)))
        outcome[:, t - 1] = code
        shocks += np.stack([offensive, strike, package_new, leader, deadline, us_change, collapse, breakdown], axis=1)
        record(t, gains)
    return Block(outcome=outcome, stop_month=stop_month, package=package, package_month=package_month,
                 state=state, shocks=shocks, draws=draws)
