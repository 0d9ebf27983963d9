using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>
/// The customer card and the customer typeahead within their Graph budget on SharePoint, through the whole bot (the real Graph SDK
/// against the fake Graph): the card is at most 2 round trips whoever reads it — the lookup with the reader's grants, then one $batch
/// for every section (contacts, entries, history, visits, requests, documents) with the read logged in it — and each keystroke of
/// the typeahead is 1, for a leader (whose reports' files it lists) as for a rep. A section read on its own is a round trip more.
/// Not counted: what a turn reads or writes of its own conversation (<c>ConversationRecorder</c>), which is the turn's, not the
/// card's (nothing once it is saved, on one instance).
/// </summary>
public sealed class CustomerCardGraphBudgetTests : IAsyncLifetime
{
    FakeSharePoint _sp = null!;
    TestBot _bot = null!;
    Customer _huadong = null!;

    FakeGraphServer Graph => _sp.Server;

    public async Task InitializeAsync()
    {
        _sp = await FakeSharePoint.StartAsync();
        _bot = await TestBot.StartAsync(settings: _sp.BotSettings(), now: CustomerSeeds.Now);
        var archive = _bot.Archive;
        _huadong = await CustomerSeeds.HuadongAsync(archive.Customers);
        await CustomerSeeds.HuaxinAsync(archive.Customers, Demo.TomBecker);
        var now = _bot.Clock.GetUtcNow();
        await archive.Visits.AddOnceAsync(SampleVisits.To(_huadong, "2026-11-20T10:00:00+08:00"));
        await archive.Approvals.CreateAsync(new Approval
        {
            Id = "mod-1", RequestKey = "modification:1", Kind = ApprovalKind.Modification, Subject = _huadong.Number, SubjectName = _huadong.Name,
            RequesterAadObjectId = Demo.LiNa.AadObjectId, ApproverAadObjectIds = [Demo.WangFang.AadObjectId],
            Payload = new ApprovalPayload("New address", [new FieldChange("address", "88 Zhangjiang Road", "99 Keyuan Road")]), CreatedAt = now,
        });
        var scan = await archive.Documents.ReceiveAsync(new CustomerDocument
        {
            Id = "doc-1", Title = "", OriginalName = "licence.pdf", ContentType = "application/pdf", Size = 0, ContentHash = "",
            UploadedByAadObjectId = Demo.LiNa.AadObjectId, UploadedAt = now,
        }, new MemoryStream([1, 2, 3]), 1024);
        await archive.Documents.FileAsync(scan, new DocumentPlacement(_huadong.Number, ArchiveCategory.Basic, "Business licence"), now);
        await archive.Customers.AddGrantAsync(new AccessGrant(_huadong.Number, Demo.TomBecker.AadObjectId, Demo.WangFang.AadObjectId, now.AddDays(-1), now.AddDays(6)));
        // Everyone has talked to the bot before, as a running bot has met them.
        foreach (var p in new[] { Demo.LiNa, Demo.ZhangWei, Demo.TomBecker, Demo.WangFang, Demo.LiuYang }) await _bot.Say(p, "help");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _sp.DisposeCheckingQueriesAsync();
    }

    [Theory]
    [InlineData("owner", nameof(Demo.LiNa))]
    [InlineData("her direct leader", nameof(Demo.ZhangWei))]
    [InlineData("another rep with an access grant", nameof(Demo.TomBecker))]
    [InlineData("the sales manager", nameof(Demo.WangFang))]
    [InlineData("customer service", nameof(Demo.LiuYang))]
    public async Task The_customer_card_costs_at_most_two_round_trips_whoever_reads_it(string who, string person)
    {
        var reader = Person(person);

        var (turn, requests) = await MeasuredAsync(() => _bot.Say(reader, $"find {_huadong.Number}"));

        var shown = Approvals.NewFileApproval.Shown(turn.SingleCard());
        Assert.Contains("Wang Lei", shown, StringComparison.Ordinal);                     // the contacts
        Assert.Contains("HT-2026-118", shown, StringComparison.Ordinal);                  // the archive entries
        Assert.Contains("Business licence", shown, StringComparison.Ordinal);             // the documents
        Assert.Contains("谈了价格", shown, StringComparison.Ordinal);                       // the latest visits
        Assert.Contains("waiting", shown, StringComparison.OrdinalIgnoreCase);            // the request about it
        Assert.True(requests.Count <= 2, $"{who}: {requests.Count} round trips: {Describe(requests)}");
        Assert.Equal(RouteKind.Batch, requests[^1].Kind);                                  // every section in one $batch
        var logged = (await _bot.Archive.Customers.AccessLogAsync(_huadong.Number)).Where(e => e.ReaderAadObjectId == reader.AadObjectId).ToList();
        Assert.Equal(person == nameof(Demo.LiNa) ? 0 : 1, logged.Count);                  // others' reads are logged (借阅), within the budget
    }

    [Fact]
    public async Task Another_reps_redacted_card_costs_two_round_trips_and_is_logged()
    {
        var (turn, requests) = await MeasuredAsync(() => _bot.Say(Demo.LiNa, "find C-2026-00002"));

        var shown = Approvals.NewFileApproval.Shown(turn.SingleCard());
        Assert.Contains("Huaxin Logistics", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("025 8888 0200", shown, StringComparison.Ordinal);          // Tom's file: redacted
        Assert.True(requests.Count <= 2, Describe(requests));
        Assert.False(Assert.Single(await _bot.Archive.Customers.AccessLogAsync("C-2026-00002")).Full);
    }

    [Fact]
    public async Task The_Open_button_costs_two_round_trips_too()
    {
        var (turn, requests) = await MeasuredAsync(() => _bot.Press(Demo.ZhangWei, "customer.open", CustomerSeeds.Number(_huadong.Number)));

        Assert.Contains("HT-2026-118", Approvals.NewFileApproval.Shown(turn.InvokeCard ?? turn.SingleCard()), StringComparison.Ordinal);
        Assert.True(requests.Count <= 2, Describe(requests));
    }

    [Theory]
    [InlineData(nameof(Demo.LiNa), "Hua")]        // a rep: her files, and the others' whose names start so
    [InlineData(nameof(Demo.ZhangWei), "Hua")]    // a leader: his own, his reports', and the others'
    [InlineData(nameof(Demo.TomBecker), "Huad")]  // a rep whose grant lets him log a visit on Li Na's file
    [InlineData(nameof(Demo.ZhangWei), "C-2026-00001")]
    public async Task Each_keystroke_of_the_customer_typeahead_is_one_round_trip(string person, string typed)
    {
        var reader = Person(person);

        var (turn, requests) = await MeasuredAsync(() => _bot.PostAsync(Search(_bot.ServiceUrl, reader, VisitCards.CustomerDataset, typed)));

        Assert.Equal(200, turn.Status);
        Assert.NotEmpty(turn.Body!["value"]!["results"]!.AsArray());
        Assert.True(requests.Count == 1, Describe(requests));
    }

    static DemoPerson Person(string name) => (DemoPerson)typeof(Demo).GetField(name)!.GetValue(null)!;

    /// <summary>The Graph requests the turn made (a $batch counts once: its steps are logged inside it), but for its conversation's check.</summary>
    async Task<(TurnResult Turn, List<RecordedRequest> Requests)> MeasuredAsync(Func<Task<TurnResult>> turn)
    {
        var conversations = await _sp.Site.ListIdAsync(SharePointLists.Conversations, default);
        Graph.ResetCounters();
        var result = await turn();
        return (result, [.. Graph.Requests.Where(r => !r.InBatch && !r.Path.Contains(conversations, StringComparison.Ordinal))]);
    }

    static string Describe(IEnumerable<RecordedRequest> requests) => string.Join("; ", requests.Select(r => $"{r.Method} {r.Kind} {r.Path}?{r.Query}"));
}
