namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The production archive: SharePoint lists on one site, through Microsoft Graph (Archive:Provider = SharePoint;
/// settings in <see cref="SharePointSettings"/>). The lists are made by <see cref="Provisioner"/>
/// (<c>dotnet run --project bot/TeamsCrm.Bot -- provision</c>). Building it calls nothing: the lists are looked up on
/// first use.
/// </summary>
public sealed class SharePointArchive : ICrmArchive
{
    public SharePointArchive(SharePointSite site, TimeProvider clock, ILoggerFactory logs)
    {
        var batch = new GraphBatch(site.Graph, logs.CreateLogger<GraphBatch>());
        Customers = new SharePointCustomerFiles(site, batch, clock, logs.CreateLogger<SharePointCustomerFiles>());
        Conversations = new SharePointConversationStore(site, clock);
        Approvals = new SharePointApprovalStore(site);
    }

    public IConversationStore Conversations { get; }
    public ICustomerFiles Customers { get; }
    public IApprovalStore Approvals { get; }
}
