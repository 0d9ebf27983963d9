using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// Every command that reads the archive, through the whole bot (TestBot with Archive:Provider = SharePoint on the archive benchmark's
/// fake Graph, its seeded files): the Graph round trips of one turn of each, as the demo people, who own seeded files (Li Na and Tom
/// Becker are reps under Zhang Wei; Wang Fang is the sales manager). What a turn reads or writes of its own conversation
/// (ConversationRecorder) is shown apart, it is the turn's, not the command's: nothing once the conversation is saved, on one
/// instance or several sharing Redis (without Redis, several instances read whether it is marked blocked: one each turn).
/// </summary>
public static class CommandRoundTrips
{
    sealed record Command(string Name, DemoPerson Who, Func<TestBot, JsonObject> Activity, int? Target = null);

    sealed record Measured(Command Command, double RoundTrips, double TurnsOwn, double[] Ms, int Status);

    public static async Task<(string Table, bool Met)> RunAsync(FakeGraphServer server, string siteId, ArchiveSeed seed, int samples)
    {
        var site = new SharePointSettings(siteId, new Uri(server.BaseUrl)).Connect();
        var conversations = await site.ListIdAsync(SharePointLists.Conversations, default);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Archive:Provider"] = "SharePoint", ["Archive:SharePoint:SiteId"] = siteId, ["Archive:SharePoint:GraphBaseUrl"] = server.BaseUrl,
        });
        bot.Connector.KeepBodies = false;
        var (liNas, toms, prefix) = (FileOf(seed, Demo.LiNa), FileOf(seed, Demo.TomBecker), seed.NamePrefixes[0]);
        var now = bot.Clock.GetUtcNow();
        await bot.Archive.Customers.AddGrantAsync(new AccessGrant(liNas, Demo.TomBecker.AadObjectId, Demo.WangFang.AadObjectId, now.AddDays(-1), now.AddDays(7)));
        var phone = (await bot.Archive.Customers.GetAsync(liNas))!.Phone!;
        foreach (var p in new[] { Demo.LiNa, Demo.TomBecker, Demo.ZhangWei, Demo.WangFang }) await bot.Say(p, "help");   // met before, as a running bot has

        Command Say(string name, DemoPerson who, string text, int? target = null) => new(name, who, b => Message(b.ServiceUrl, who, text), target);
        Command[] commands =
        [
            Say($"`find <number>`, the owner", Demo.LiNa, $"find {liNas}", 2),
            Say($"`find <number>`, her leader", Demo.ZhangWei, $"find {liNas}", 2),
            Say($"`find <number>`, a rep with a grant", Demo.TomBecker, $"find {liNas}", 2),
            Say($"`find <number>`, another rep (redacted)", Demo.LiNa, $"find {toms}", 2),
            new("**Open** on a list or notice", Demo.ZhangWei, b => CardAction(b.ServiceUrl, Demo.ZhangWei, "customer.open", new JsonObject { ["number"] = liNas }), 2),
            Say("`find <name>` (a list)", Demo.LiNa, $"find {prefix}"),
            Say("`find <phone>`", Demo.LiNa, $"find {phone}", 2),
            new("customer typeahead (a keystroke), a rep", Demo.LiNa, b => Search(b.ServiceUrl, Demo.LiNa, "customers", prefix), 1),
            new("customer typeahead (a keystroke), a leader", Demo.ZhangWei, b => Search(b.ServiceUrl, Demo.ZhangWei, "customers", prefix), 1),
            new("compose box **Customers** search", Demo.LiNa, b => ComposeQuery(b.ServiceUrl, Demo.LiNa, prefix), 1),
            Say("`log visit <name>`", Demo.LiNa, $"log visit {prefix}"),
            Say("`brief`", Demo.LiNa, "brief"),
            Say("`my day`", Demo.LiNa, "my day"),
            Say("`team day`", Demo.ZhangWei, "team day"),
            Say("`my month`", Demo.LiNa, "my month"),
            Say("`team month`", Demo.ZhangWei, "team month"),
            Say("`due visits`", Demo.LiNa, "due visits"),
            Say("`plan`", Demo.LiNa, "plan"),
            Say("`team plans`", Demo.ZhangWei, "team plans"),
            Say("`correct visit`", Demo.LiNa, "correct visit"),
            Say("`approvals`", Demo.ZhangWei, "approvals"),
            Say("`delegate`", Demo.ZhangWei, "delegate"),
            Say("`delete <number>`", Demo.LiNa, $"delete {liNas}"),
            Say("`restore <number>`", Demo.LiNa, $"restore {liNas}"),
            Say("`access <number>`", Demo.LiNa, $"access {toms}"),
            Say("`escalate <number>`", Demo.LiNa, $"escalate {liNas}"),
            Say("`export <number>`", Demo.WangFang, $"export {liNas}"),
            Say("`targets`", Demo.WangFang, "targets"),
            Say("`my score`", Demo.LiNa, "my score"),
            Say("`team score`", Demo.ZhangWei, "team score"),
            Say("`analysis`", Demo.WangFang, "analysis"),
            Say("`report`", Demo.LiNa, "report"),
            Say("`report status`", Demo.ZhangWei, "report status"),
            Say("`import`", Demo.WangFang, "import"),
            Say("`reminders me`", Demo.LiNa, "reminders me"),
            Say("`new customer`", Demo.LiNa, "new customer"),
            Say("`whoami`", Demo.LiNa, "whoami"),
            Say("`help`", Demo.LiNa, "help"),
        ];

        var results = new List<Measured>();
        foreach (var command in commands)
        {
            await bot.PostAsync(command.Activity(bot));   // warm-up: the lists' ids, JIT
            var (roundTrips, own, status, ms) = (0L, 0L, 200, new double[samples]);
            for (var i = 0; i < samples; i++)
            {
                server.ResetCounters();
                var started = Stopwatch.GetTimestamp();
                var turn = await bot.PostAsync(command.Activity(bot));
                ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (turn.Status != 200) status = turn.Status;
                var requests = server.Requests.Where(r => !r.InBatch).ToList();
                var turns = requests.Count(r => r.Path.Contains(conversations, StringComparison.Ordinal));
                (roundTrips, own) = (roundTrips + requests.Count - turns, own + turns);
            }
            Array.Sort(ms);
            results.Add(new Measured(command, roundTrips / (double)samples, own / (double)samples, ms, status));
            Console.Error.WriteLine($"{command.Name}: {roundTrips / (double)samples:0.##} round trips, p50 {PhaseResult.Percentile(ms, 0.5):0} ms");
        }
        return (Table(results), results.All(r => r.Status == 200 && (r.Command.Target is not { } t || r.RoundTrips <= t)));
    }

    static string Table(IReadOnlyList<Measured> results)
    {
        var s = new StringBuilder();
        s.AppendLine("Every command that reads the archive, one turn through the whole bot on the same fake Graph and latency:");
        s.AppendLine();
        s.AppendLine("| Command | As | Graph round trips | + the turn's own | p50 ms | Target |");
        s.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var target = r.Command.Target is { } t ? $"≤ {t}: {(r.RoundTrips <= t ? "met" : "missed")}" : "";
            if (r.Status != 200) target += $" (answered {r.Status})";
            s.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Command.Name} | {r.Command.Who.Name} | {r.RoundTrips:0.##} | {r.TurnsOwn:0.##} | {PhaseResult.Percentile(r.Ms, 0.5):0} | {target} |"));
        }
        return s.ToString();
    }

    /// <summary>A file the person owns: the seed gives file i to rep i modulo 40, and the demo people's ids end in their rep's number.</summary>
    static string FileOf(ArchiveSeed seed, DemoPerson owner)
    {
        var i = Enumerable.Range(1, seed.Numbers.Count).First(i => seed.Owners[i % seed.Owners.Count] == owner.AadObjectId);
        return seed.Numbers[i - 1];
    }
}
