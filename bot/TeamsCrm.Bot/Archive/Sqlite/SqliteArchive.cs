namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The embedded default archive: one SQLite file, no cloud needed; documents are files in <paramref name="documentsPath"/>
/// (Archive:Documents:Path), by default a "documents" folder beside the database file.
/// </summary>
public sealed class SqliteArchive(SqliteDatabase database, TimeProvider clock, string? documentsPath = null) : ICrmArchive
{
    public IConversationStore Conversations { get; } = new SqliteConversationStore(database, clock);
    public ICustomerFiles Customers { get; } = new SqliteCustomerFiles(database, clock);
    public IVisitLog Visits { get; } = new SqliteVisitLog(database);
    public IApprovalStore Approvals { get; } = new SqliteApprovalStore(database);
    public ISalesTargets Targets { get; } = new SqliteSalesTargets(database);
    public IMonthlyRollups Rollups { get; } = new SqliteMonthlyRollups(database);
    public IReminderStore Reminders { get; } = new SqliteReminderStore(database);
    public IMarketReports Reports { get; } = new SqliteMarketReports(database);
    public IImportRuns Imports { get; } = new SqliteImportRuns(database, clock);
    public ICheckInLog CheckIns { get; } = new SqliteCheckInLog(database);
    public IDocumentStore Documents { get; } = new SqliteDocumentStore(database,
        documentsPath ?? Path.Combine(Path.GetDirectoryName(database.FilePath)!, "documents"));
    public IWholeFiles WholeFiles => _wholeFiles ??= new StoreByStoreWholeFiles(this);
    StoreByStoreWholeFiles? _wholeFiles;
}
