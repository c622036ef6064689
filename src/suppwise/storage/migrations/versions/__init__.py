"""Schema revisions, oldest first: `v0001_initial` creates trials, entries and alerts;
`v0002_alert_detail_dose_text` keeps what made an alert fire and the dose as written; `v0003_accounts`
adds the web app's users, sessions, API tokens, sign-in failures and trial owners."""
