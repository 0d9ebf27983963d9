namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>Check-ins at customers' sites: a team's day by local_date, a customer's by customer_number (its location).</summary>
    const string StepCheckIns =
        """
        CREATE TABLE check_ins (
            id TEXT PRIMARY KEY,
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            customer_number TEXT NOT NULL REFERENCES customers(number),
            local_date TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            at TEXT NOT NULL,
            latitude TEXT NOT NULL,
            longitude TEXT NOT NULL,
            accuracy TEXT,
            distance TEXT,
            flagged INTEGER NOT NULL,
            out_at TEXT
        );
        CREATE INDEX check_ins_day ON check_ins(local_date);
        CREATE INDEX check_ins_customer ON check_ins(customer_number, at);
        """;
}
