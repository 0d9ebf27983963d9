using Microsoft.Extensions.Logging.Abstractions;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.FakeGraph;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// A fake Graph server on loopback with the archive's lists provisioned by the real <see cref="Provisioner"/>, and the
/// real Graph SDK pointed at it exactly as production builds it (<see cref="SharePointSettings.Connect"/>, with its
/// retry handler). The fake refuses what SharePoint refuses: non-indexed filters, threshold breaches, stale eTags.
/// </summary>
public sealed class FakeSharePoint : IAsyncDisposable
{
    public const string SiteId = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";

    FakeSharePoint(FakeGraphServer server, SharePointSite site) => (Server, Site) = (server, site);

    public FakeGraphServer Server { get; }
    public SharePointSite Site { get; }
    public SharePointSettings Settings => new(SiteId, new Uri(Server.BaseUrl));

    public static async Task<FakeSharePoint> StartAsync(FakeGraphOptions? options = null, bool provision = true)
    {
        var server = await FakeGraphServer.StartAsync(options);
        var site = new SharePointSettings(SiteId, new Uri(server.BaseUrl)).Connect();
        var sharePoint = new FakeSharePoint(server, site);
        if (provision) await new Provisioner(site).RunAsync();
        server.ResetCounters();
        return sharePoint;
    }

    public SharePointArchive Archive(TimeProvider clock) => new(Settings.Connect(), clock, NullLoggerFactory.Instance, SpoolFolder);

    /// <summary>Where this fake's archives spool documents: a folder of its own, so that a test sees only its own leftovers.</summary>
    public string SpoolFolder { get; } = Path.Combine(Path.GetTempPath(), "teamscrm-tests", "spool-" + Guid.NewGuid().ToString("N"));

    /// <summary>Settings that switch a TestBot (or any host) to this fake.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["Archive:Provider"] = "SharePoint", ["Archive:SharePoint:SiteId"] = SiteId, ["Archive:SharePoint:GraphBaseUrl"] = Server.BaseUrl,
        ["Archive:Documents:SpoolPath"] = SpoolFolder,
    };

    public FakeList List(ListDef list) => Server.State.List(list.Name);

    /// <summary>
    /// Every list query so far filtered on exactly one column, an indexed one, drove the query by it, sorted only on
    /// indexed columns and was served without the "may fail randomly" opt-in.
    /// </summary>
    public void AssertEveryQueryUsedOneIndex()
    {
        foreach (var q in Server.Queries)
        {
            Assert.True(q.Outcome == QueryOutcome.Served, $"{q.List}: {q.Filter} was refused ({q.Outcome})");
            Assert.False(q.HonorNonIndexed, $"{q.List}: {q.Filter} asked for non-indexed querying");
            Assert.True(q.FilterColumns.Count == 1 && q.IndexedFilterColumns.Count == 1 && q.DrivingIndex is not null,
                $"{q.List}: {q.Filter} filters on {string.Join(", ", q.FilterColumns)} (indexed: {string.Join(", ", q.IndexedFilterColumns)})");
            Assert.All(q.OrderByColumns, c => Assert.Contains(c, q.IndexedFilterColumns));
        }
    }

    /// <summary>For the contract suites: stops the server once the test's queries are checked.</summary>
    public async Task DisposeCheckingQueriesAsync()
    {
        await using (this) AssertEveryQueryUsedOneIndex();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (System.IO.Directory.Exists(SpoolFolder)) System.IO.Directory.Delete(SpoolFolder, recursive: true);
    }
}
