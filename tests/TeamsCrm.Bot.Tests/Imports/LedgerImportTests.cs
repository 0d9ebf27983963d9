using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Imports.CustomerLedger;

namespace TeamsCrm.Bot.Tests.Imports;

/// <summary>
/// The first load, tried as a new user would: the 200-row Chinese-headed ledger through the command line into the archive of
/// a running bot — dry run, owner map, apply — then the reps find their customers in Teams, and a second run imports nothing.
/// </summary>
public sealed class LedgerImportTests : IDisposable
{
    readonly string _folder = System.IO.Directory.CreateTempSubdirectory("ledger-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Dry_run_owner_map_apply_the_reps_find_their_customers_and_a_second_run_imports_nothing()
    {
        await using var bot = await Bot.Tests.Customers.CustomerSeeds.StartBotAsync();
        var existing = await SeedExistingAsync(bot.Archive.Customers);
        var ledger = Path.Combine(_folder, "客户台账2026.xlsx");
        Write(ledger);

        var dry = await ImportAsync(bot, ledger, "--dry-run");
        Assert.Equal(1, dry.Code);
        var duplicates = dry.Rows("duplicate");
        Assert.Equal(DuplicateIndexes.Select(i => Name(i)), duplicates.Select(r => r.Label));
        Assert.All(duplicates.Zip(existing), d => Assert.Contains(d.Second.Number, d.First.Detail, StringComparison.Ordinal));
        var unknown = dry.Rows("owner not in the directory");
        Assert.Equal(Leavers.Select(l => $"{Sheet}!{l.Index + 4}"), unknown.Select(r => r.Where));
        Assert.Contains("Owners not in the directory: 刘强, 赵敏", dry.Output, StringComparison.Ordinal);
        Assert.Equal(CustomerCount - 5, dry.Rows("new").Count(r => r.Where.StartsWith(Sheet, StringComparison.Ordinal)));
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync(Name(0), 5));   // the dry run wrote nothing

        var ownerMap = Path.Combine(_folder, "业务员对照.csv");
        await File.WriteAllTextAsync(ownerMap, "原业务员,邮箱\n" + string.Join('\n', Leavers.Select(l => $"{l.Owner},{l.MapsTo}")));
        var applied = await ImportAsync(bot, ledger, "--owner-map", ownerMap);
        Assert.Equal(1, applied.Code);   // the three duplicates stay out
        Assert.Contains($"Created: {CustomerCount - 3} customers, {RepaymentCount} entries, {VisitCount} visits", applied.Output, StringComparison.Ordinal);
        Assert.Empty(applied.Rows("owner not in the directory"));

        // The reps find their customers: Li Na hers (and 刘强's, mapped to her), Tom Becker 赵敏's.
        var first = Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync(Name(0), 5));
        Assert.Equal((CustomerStatus.Active, Demo.LiNa.AadObjectId), (first.Status, first.OwnerAadObjectId));
        var found = await bot.Say(Demo.LiNa, $"find {Name(0)}");
        Assert.Contains(first.Number, Reply(found), StringComparison.Ordinal);
        var leaver = Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync(Name(133), 5));
        Assert.Equal(Demo.TomBecker.AadObjectId, leaver.OwnerAadObjectId);
        var tom = await bot.Say(Demo.TomBecker, $"find {leaver.Number}");
        Assert.Contains(Name(133), Reply(tom), StringComparison.Ordinal);

        var file = (await bot.Archive.Customers.GetFileAsync(first.Number))!;
        Assert.Contains(file.History, h => h.NewValue == "Imported from 客户台账2026.xlsx, row 4");
        Assert.Equal(("刘静", ContactRole.Primary), (Assert.Single(file.Contacts).Name, file.Contacts[0].Role));
        var contract = Assert.Single(file.Entries, e => e.Type == EntryType.Contract);
        Assert.Equal((new DateOnly(2025, 1, 1), 50_000m), (contract.Date, contract.Amount));   // 5 万元
        Assert.Contains(file.Entries, e => e.Type == EntryType.Repayment && e.Amount == 1_000m);

        var liNasFiles = (await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId)).Count;
        var again = await ImportAsync(bot, ledger, "--owner-map", ownerMap);
        Assert.Contains("Created: 0 · already imported: " + (CustomerCount - 3 + RepaymentCount + VisitCount), again.Output, StringComparison.Ordinal);
        Assert.Equal(liNasFiles, (await bot.Archive.Customers.ListByOwnerAsync(Demo.LiNa.AadObjectId)).Count);
    }

    /// <summary>The one message the bot sent, as text (JSON escapes Chinese).</summary>
    static string Reply(TurnResult turn) => System.Text.RegularExpressions.Regex.Unescape(turn.Calls.Single().Body!.ToJsonString());

    sealed record Line(string Where, string Outcome, string Label, string Detail);

    sealed record Run(int Code, string Output, string Errors)
    {
        public IReadOnlyList<Line> Lines => [.. Output.Split('\n').Select(l => l.TrimEnd('\r').Split('\t')).Where(p => p.Length == 4)
            .Select(p => new Line(p[0], p[1], p[2], p[3]))];

        public IReadOnlyList<Line> Rows(string outcome) => [.. Lines.Where(l => l.Outcome == outcome)];
    }

    /// <summary>The command line on the bot's own archive, in English for the assertions.</summary>
    static async Task<Run> ImportAsync(TestBot bot, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ImportCommand.RunAsync([.. args, "--contentRoot", AppContext.BaseDirectory, "--Archive:Sqlite:Path", bot.DatabasePath,
            "--Import:Language", "en"], output, errors);
        Assert.True(code != 2, errors.ToString());
        return new Run(code, output.ToString(), errors.ToString());
    }
}
