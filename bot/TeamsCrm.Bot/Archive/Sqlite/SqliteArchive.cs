namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>The embedded default archive: one SQLite file, no cloud needed.</summary>
public sealed class SqliteArchive(SqliteDatabase database, TimeProvider clock) : ICrmArchive
{
    public IConversationStore Conversations { get; } = new SqliteConversationStore(database, clock);
    public ICustomerFiles Customers { get; } = new SqliteCustomerFiles(database, clock);
    public IVisitLog Visits { get; } = new SqliteVisitLog(database);
    public IApprovalStore Approvals { get; } = new SqliteApprovalStore(database);
    public ISalesTargets Targets { get; } = new SqliteSalesTargets(database);
    public IReminderStore Reminders { get; } = new SqliteReminderStore(database);
    public IMarketReports Reports { get; } = new SqliteMarketReports(database);
}
