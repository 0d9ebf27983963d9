namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The production archive: SharePoint lists on one site, through Microsoft Graph (Archive:Provider = SharePoint;
/// settings in <see cref="SharePointSettings"/>). The lists are made by <see cref="Provisioner"/>
/// (<c>dotnet run --project bot/TeamsCrm.Bot -- provision</c>). Building it calls nothing: the lists are looked up on
/// first use. Documents go to the library "TeamsCrm Documents", each spooled first to a temporary file in
/// <paramref name="documentSpool"/> (Archive:Documents:SpoolPath, by default teamscrm-documents in the temp folder).
/// </summary>
public sealed class SharePointArchive : ICrmArchive
{
    public SharePointArchive(SharePointSite site, TimeProvider clock, ILoggerFactory logs, string? documentSpool = null)
    {
        var batch = new GraphBatch(site.Graph, logs.CreateLogger<GraphBatch>());
        // One memory of customer items for both: a visit's new last contact is then known to the next edit, which needs no read.
        var customerItems = new CustomerItems(clock);
        Targets = new SharePointSalesTargets(site, batch);
        // One writer of the monthly rollups for both: each write of an entry or a visit carries its rollup in its $batch.
        var rollups = new SharePointMonthlyRollups(site, batch, Targets, clock);
        Rollups = rollups;
        var customers = new SharePointCustomerFiles(site, batch, customerItems, rollups, clock, logs.CreateLogger<SharePointCustomerFiles>());
        Customers = customers;
        Visits = new SharePointVisitLog(site, batch, customerItems, rollups, logs.CreateLogger<SharePointVisitLog>());
        Conversations = new SharePointConversationStore(site, clock);
        var approvals = new SharePointApprovalStore(site, clock);
        Approvals = approvals;
        Reminders = new SharePointReminderStore(site);
        Reports = new SharePointMarketReports(site);
        Imports = new SharePointImportRuns(site, clock);
        CheckIns = new SharePointCheckInLog(site);
        var documents = new SharePointDocumentStore(site, documentSpool ?? Path.Combine(Path.GetTempPath(), "teamscrm-documents"),
            logs.CreateLogger<SharePointDocumentStore>());
        Documents = documents;
        WholeFiles = new SharePointWholeFiles(site, batch, customers, approvals, documents);
    }

    public IConversationStore Conversations { get; }
    public ICustomerFiles Customers { get; }
    public IVisitLog Visits { get; }
    public IApprovalStore Approvals { get; }
    public ISalesTargets Targets { get; }
    public IMonthlyRollups Rollups { get; }
    public IReminderStore Reminders { get; }
    public IMarketReports Reports { get; }
    public IImportRuns Imports { get; }
    public ICheckInLog CheckIns { get; }
    public IDocumentStore Documents { get; }
    public IWholeFiles WholeFiles { get; }
}
