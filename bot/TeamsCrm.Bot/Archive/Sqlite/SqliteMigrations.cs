using Microsoft.Data.Sqlite;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The schema, as numbered steps applied in order on start. A step is never edited once shipped: add one.
/// </summary>
static partial class SqliteMigrations
{
    static readonly string[] Steps =
    [
        """
        CREATE TABLE users (
            aad_object_id TEXT PRIMARY KEY COLLATE NOCASE,
            teams_id TEXT NOT NULL,
            name TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            personal_conversation_id TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            bot_id TEXT NOT NULL,
            team_id TEXT,
            team_name TEXT,
            channel_id TEXT,
            welcomed_at TEXT,
            blocked_at TEXT,
            removed_at TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX conversations_team ON conversations(team_id);
        """,
        // 2: customer files. The *_normalized columns hold CustomerNames' normal forms, the only forms the
        // finders compare; version is the row version behind Customer.Version.
        """
        CREATE TABLE customers (
            number TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            name_normalized TEXT NOT NULL,
            industry TEXT,
            company_size TEXT,
            region TEXT,
            address TEXT,
            phone TEXT,
            phone_normalized TEXT,
            email TEXT,
            website TEXT,
            credit_code TEXT,
            credit_code_normalized TEXT,
            owner_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            category TEXT NOT NULL,
            tier TEXT NOT NULL,
            key_account TEXT NOT NULL,
            credit_rating TEXT,
            credit_limit TEXT,
            payment_terms TEXT,
            stage TEXT NOT NULL,
            status TEXT NOT NULL,
            purchase_plan TEXT,
            problem TEXT,
            decision_makers TEXT,
            purchase_timeline TEXT,
            budget TEXT,
            purchase_process TEXT,
            competitor_products TEXT,
            competitor_satisfaction TEXT,
            competitor_rep TEXT,
            competitor_relationship TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            last_reviewed_at TEXT,
            last_contact_at TEXT,
            deleted_at TEXT,
            purge_after TEXT,
            version INTEGER NOT NULL
        );
        CREATE INDEX customers_name ON customers(name_normalized);
        CREATE INDEX customers_phone ON customers(phone_normalized);
        CREATE INDEX customers_credit_code ON customers(credit_code_normalized);
        CREATE INDEX customers_owner ON customers(owner_aad_object_id, name_normalized);

        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            name TEXT NOT NULL,
            title TEXT,
            phone TEXT,
            email TEXT,
            role TEXT NOT NULL
        );
        CREATE INDEX contacts_customer ON contacts(customer_number, id);

        CREATE TABLE archive_entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            category TEXT NOT NULL,
            type TEXT NOT NULL,
            date TEXT NOT NULL,
            amount TEXT,
            reference TEXT,
            description TEXT,
            result TEXT,
            created_by_aad_object_id TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX archive_entries_customer ON archive_entries(customer_number, date);

        CREATE TABLE change_records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            by_aad_object_id TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT,
            approval_id TEXT
        );
        CREATE INDEX change_records_customer ON change_records(customer_number, at);

        CREATE TABLE access_grants (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            grantee_aad_object_id TEXT NOT NULL,
            granted_by_aad_object_id TEXT NOT NULL,
            from_at TEXT NOT NULL,
            until_at TEXT NOT NULL
        );
        -- Unique: a redelivered grant is stored once. Leads with customer_number, so it serves GrantsFor too.
        CREATE UNIQUE INDEX access_grants_customer ON access_grants(customer_number, grantee_aad_object_id, from_at, until_at);

        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            reader_aad_object_id TEXT NOT NULL,
            at TEXT NOT NULL,
            what TEXT NOT NULL,
            full INTEGER NOT NULL
        );
        CREATE INDEX access_log_customer ON access_log(customer_number, at);

        CREATE TABLE customer_submissions (
            submission_id TEXT PRIMARY KEY,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            created_at TEXT NOT NULL
        );

        CREATE TABLE number_counters (
            year INTEGER PRIMARY KEY,
            last INTEGER NOT NULL
        );
        """,
        Step3Visits,   // 3: visit reports, follow-ups and weekly plans (SqliteMigrations.Visits.cs)
        Step4Approvals,   // 4: approvals (SqliteMigrations.Approvals.cs)
        Step5Reminders,   // 5: reminder settings, occurrence claims and sends; monthly reports (SqliteMigrations.Reminders.cs)
        StepTargets,      // 6: sales targets (SqliteMigrations.Targets.cs)
        // 7: what each person's client last told (language and IANA zone), who installed the app in a team
        "ALTER TABLE users ADD COLUMN locale TEXT; ALTER TABLE users ADD COLUMN time_zone TEXT; ALTER TABLE conversations ADD COLUMN installed_by TEXT",
        Step8ApprovalFinish,   // 8: a decision's steps left and their due time; shared card copies (SqliteMigrations.Approvals.cs)
        Step9Documents,   // 9: documents: metadata here, the files under the documents folder (SqliteMigrations.Documents.cs)
        Step10VisitCorrections,   // 10: corrected and withdrawn visits, their history (SqliteMigrations.Corrections.cs)
        Step11Imports,    // 11: import runs, and contacts' import keys (SqliteMigrations.Imports.cs)
        StepAliases,      // 12: a customer's other names, each normal form indexed for find, the duplicate check and quick capture
        "ALTER TABLE users ADD COLUMN brief TEXT",   // 13: each person's morning brief time ("07:00", "off"; null = the default)
        StepCheckIns,     // 14: check-ins at customers' sites (SqliteMigrations.CheckIns.cs)
        // 15: the week's action plan of table 5-5 beside a weekly plan's visits
        "ALTER TABLE visit_plans ADD COLUMN key_goals TEXT; ALTER TABLE visit_plans ADD COLUMN key_products TEXT; ALTER TABLE visit_plans ADD COLUMN key_customers TEXT",
        "ALTER TABLE customers ADD COLUMN coordinates TEXT",   // 16: where the customer is, typed on the file (check-ins are measured against it)
        // 17: a request's deadline, reminder and moves (JSON), and each person's own settings (delegation; JSON)
        "ALTER TABLE approvals ADD COLUMN routing TEXT; ALTER TABLE users ADD COLUMN settings TEXT",
        Step18Snoozes,   // 18: personal reminders snoozed, one per person and kind, found by their time (SqliteMigrations.Reminders.cs)
        "CREATE INDEX approvals_decided ON approvals(decided_at)",   // 19: decisions by time, for the analysis' time to decision
    ];

    const string StepAliases = """
        ALTER TABLE customers ADD COLUMN aliases TEXT;
        ALTER TABLE customers ADD COLUMN alias1_normalized TEXT;
        ALTER TABLE customers ADD COLUMN alias2_normalized TEXT;
        ALTER TABLE customers ADD COLUMN alias3_normalized TEXT;
        CREATE INDEX customers_alias1 ON customers(alias1_normalized);
        CREATE INDEX customers_alias2 ON customers(alias2_normalized);
        CREATE INDEX customers_alias3 ON customers(alias3_normalized);
        """;

    public static void Apply(SqliteConnection connection)
    {
        // Immediate: two processes starting together take turns instead of both migrating.
        using var tx = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }
        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Steps.Length; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = tx;
            step.CommandText = Steps[version - 1] + $"; INSERT INTO schema_version(version) VALUES ({version});";
            step.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
