namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 5: reminders and monthly reports. A channel's settings are one row (timings and reps as JSON, read and written
    /// whole); an occurrence's key is its primary key, so a second claim of it is a conflict, never a second row; the
    /// sends of an occurrence are keyed by recipient, so a resumed fan-out finds who already has it.
    /// </summary>
    /// <summary>18: a snoozed personal reminder, keyed by person (lower case) and kind; due_at indexed for the scan.</summary>
    const string Step18Snoozes =
        """
        CREATE TABLE reminder_snoozes (
            recipient TEXT NOT NULL,
            kind TEXT NOT NULL,
            occurrence TEXT NOT NULL,
            due_at TEXT NOT NULL,
            PRIMARY KEY (recipient, kind)
        );
        CREATE INDEX reminder_snoozes_due ON reminder_snoozes(due_at);
        """;

    const string Step5Reminders =
        """
        CREATE TABLE reminder_channels (
            channel_id TEXT PRIMARY KEY,
            team_id TEXT NOT NULL,
            zone_id TEXT NOT NULL,
            timings TEXT NOT NULL,
            reps TEXT NOT NULL,
            configured_by TEXT NOT NULL,
            configured_at TEXT NOT NULL,
            locale TEXT NOT NULL,
            active INTEGER NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX reminder_channels_active ON reminder_channels(active);

        CREATE TABLE reminder_occurrences (
            key TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            claimed_by TEXT,
            lease_until TEXT,
            finished_at TEXT
        );

        CREATE TABLE reminder_sends (
            occurrence_key TEXT NOT NULL,
            recipient TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (occurrence_key, recipient)
        );

        CREATE TABLE market_reports (
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            month TEXT NOT NULL,
            summary TEXT NOT NULL,
            forecast TEXT NOT NULL,
            problems TEXT NOT NULL,
            solutions TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            late INTEGER NOT NULL,
            PRIMARY KEY (rep_aad_object_id, month)
        );
        CREATE INDEX market_reports_month ON market_reports(month);
        """;
}
