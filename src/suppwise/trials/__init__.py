"""Personal (N-of-1) trials: plans and their defaults, the diary, alerts and stopping rules, the
outcome scales with their cited important differences, and the report model.

The statistics are not here but in `suppwise.stats` (`analysis.analyse_trial`, the exact AR(1)
posterior of `ar1`), a pure NumPy/SciPy core that takes a scale as parameters; the outcome scales
are `suppwise.trials.outcomes`. This package re-exports nothing, so `import suppwise.trials.plan`
loads no NumPy: what loads the statistics lazily is `suppwise.lazy`, in the one module that needs
them (`trials.diary_analysis`).
"""
