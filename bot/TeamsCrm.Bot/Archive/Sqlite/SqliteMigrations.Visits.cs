namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 3: visit reports, their follow-ups and weekly plans. local_date is the visit's day in the zone it was
    /// logged in (what reports and plans count), kept beside the UTC time because no index can compute it.
    /// Plan items are JSON: a plan is read and written whole, and SharePoint keeps it in one item the same way.
    /// </summary>
    const string Step3Visits =
        """
        CREATE TABLE visits (
            id TEXT PRIMARY KEY,
            submission_id TEXT NOT NULL UNIQUE,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            customer_name TEXT NOT NULL,
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            customer_type TEXT NOT NULL,
            purpose TEXT NOT NULL,
            method TEXT NOT NULL,
            time TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            local_date TEXT NOT NULL,
            contact_person TEXT NOT NULL,
            contact_info TEXT,
            notes TEXT NOT NULL,
            problems TEXT,
            receivable TEXT,
            received TEXT,
            result TEXT NOT NULL,
            reason TEXT,
            reason_note TEXT,
            next_action TEXT,
            next_action_date TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX visits_rep_date ON visits(rep_aad_object_id, local_date, time);
        CREATE INDEX visits_customer ON visits(customer_number, time);
        CREATE INDEX visits_date ON visits(local_date);

        CREATE TABLE follow_ups (
            visit_id TEXT PRIMARY KEY REFERENCES visits(id),
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            customer_number TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            due TEXT NOT NULL,
            action TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX follow_ups_due ON follow_ups(due, rep_aad_object_id);

        CREATE TABLE visit_plans (
            id TEXT PRIMARY KEY,
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            week TEXT NOT NULL,
            status TEXT NOT NULL,
            items TEXT NOT NULL,
            submitted_at TEXT,
            reviewer_aad_object_id TEXT,
            review_comment TEXT,
            reviewed_at TEXT,
            submission_id TEXT,
            version INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX visit_plans_rep_week ON visit_plans(rep_aad_object_id, week);
        CREATE INDEX visit_plans_week ON visit_plans(week, rep_aad_object_id);
        """;
}
