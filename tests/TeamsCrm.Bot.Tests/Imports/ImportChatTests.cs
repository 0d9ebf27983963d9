using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Workbooks;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Documents.DocumentMessages;
using static TeamsCrm.Bot.Tests.Imports.CustomerLedger;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Imports;

/// <summary>
/// The import in Teams, through the real pipeline, as the sales manager meets it: Wang Fang sends the 200-row ledger in her
/// 1:1 chat, presses Import customers, checks the mapping, reads the dry run's report (3 duplicates, 2 owners not in the
/// directory) and its workbook, settles the owners on the card, checks again, applies; the reps find their customers, and
/// the same ledger sent again imports nothing. The checks and the apply run in the background: their cards arrive as posts.
/// </summary>
public sealed class ImportChatTests : IDisposable
{
    const string FileName = "客户台账2026.xlsx";
    readonly string _folder = System.IO.Directory.CreateTempSubdirectory("ledger-chat-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    byte[] Ledger()
    {
        var path = Path.Combine(_folder, FileName);
        if (!File.Exists(path)) Write(path);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public async Task Wang_Fang_imports_the_ledger_from_her_chat_dry_run_owners_settled_apply_and_a_second_send_imports_nothing()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var existing = await SeedExistingAsync(bot.Archive.Customers);

        var filing = await SendAsync(bot, Demo.WangFang, FileName, Ledger());
        var mapping = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)))).InvokeCard!;
        Assert.Contains($"Import {FileName}: how to read it", Shown(mapping), StringComparison.Ordinal);
        var kinds = CardInputs.Values(mapping);
        Assert.Equal(["Customers", "Entries", "Visits"], kinds.Where(k => k.Key.StartsWith("sheet.", StringComparison.Ordinal)).Select(k => (string)k.Value!).ToList());

        var report = await CheckAsync(bot, mapping);
        Assert.Contains("duplicate: 3", Shown(report), StringComparison.Ordinal);
        Assert.Contains("owner not in the directory: 2", Shown(report), StringComparison.Ordinal);
        foreach (var customer in existing) Assert.Contains(customer.Number, Shown(report), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync(Name(0), 5));   // the dry run wrote nothing

        // The workbook: every row with its status, the duplicates and the unknown owners among them.
        var rows = await ReportRowsAsync(bot, report);
        Assert.Equal(CustomerCount + RepaymentCount + VisitCount, rows.Count);
        Assert.Equal(3, rows.Count(r => r[3] == "duplicate"));
        Assert.Equal(Leavers.Select(l => (Sheet, (l.Index + 4).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            rows.Where(r => r[3] == "owner not in the directory").Select(r => (r[0], r[1])));

        // The owners, settled on the card: 刘强's customers go to Li Na, 赵敏's to Tom Becker.
        var owners = ((JsonArray)Actions(report).First(a => (string?)a["verb"] == ImportCards.CheckVerb)["data"]!["owners"]!).Select(n => (string)n!).ToList();
        Assert.Equal(["刘强", "赵敏"], owners);
        var settled = await CheckAsync(bot, report, ("owner.0", Demo.LiNa.AadObjectId), ("owner.1", Demo.TomBecker.AadObjectId));
        Assert.DoesNotContain("owner not in the directory", Shown(settled), StringComparison.Ordinal);
        Assert.Contains("刘强", Shown(settled), StringComparison.Ordinal);   // the names mapped, listed

        var applying = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.ApplyVerb, Press(settled, ImportCards.ApplyVerb)));
        Assert.Contains($"Importing {FileName}", Shown(applying.InvokeCard), StringComparison.Ordinal);
        var done = await PostedAsync(bot, $"Imported {FileName}");
        Assert.Contains($"Created: {CustomerCount - 3} customers, {RepaymentCount} entries, {VisitCount} visits", Shown(done), StringComparison.Ordinal);

        var first = Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync(Name(0), 5));
        Assert.Equal((CustomerStatus.Active, Demo.LiNa.AadObjectId), (first.Status, first.OwnerAadObjectId));
        Assert.Contains(first.Number, Shown((await bot.Say(Demo.LiNa, $"find {Name(0)}")).Calls.Single().Body), StringComparison.Ordinal);
        Assert.Equal(Demo.TomBecker.AadObjectId, Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync(Name(133), 5)).OwnerAadObjectId);
        Assert.Contains((await bot.Archive.Customers.GetFileAsync(first.Number))!.History, h => h.NewValue == $"Imported from {FileName}, row 4");
        Assert.Empty(await bot.Archive.Documents.InboxAsync(Demo.WangFang.AadObjectId));   // the ledger has done its work

        // Pressing Apply on the old card again, or sending the ledger again: nothing twice.
        var again = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.ApplyVerb, Press(settled, ImportCards.ApplyVerb)));
        Assert.Contains("has been imported already", Shown(again.InvokeCard), StringComparison.Ordinal);
        var resent = await SendAsync(bot, Demo.WangFang, FileName, Ledger());
        var remap = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(resent, ImportCards.StartVerb)))).InvokeCard!;
        Assert.Contains("This file was imported on", Shown(remap), StringComparison.Ordinal);
        var second = await CheckAsync(bot, remap);
        Assert.Contains("Will be created: 0", Shown(second), StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(second), a => (string?)a["verb"] == ImportCards.ApplyVerb);
    }

    [Fact]
    public async Task A_rep_gets_no_import_button_and_cannot_import_with_a_pressed_one()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var filing = await SendAsync(bot, Demo.LiNa, FileName, Ledger());
        Assert.DoesNotContain(Actions(filing), a => (string?)a["verb"] == ImportCards.StartVerb);
        var id = (await bot.Archive.Documents.InboxAsync(Demo.LiNa.AadObjectId)).Single().Id;

        var pressed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, ImportCards.StartVerb, ImportCards.StartData(id)));
        Assert.Contains("Only the sales manager imports ledgers", Shown(pressed.InvokeCard), StringComparison.Ordinal);
        // Nor may the sales manager import a ledger waiting in someone else's inbox.
        var hers = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, ImportCards.StartData(id)));
        Assert.Contains("no longer waiting", Shown(hers.InvokeCard), StringComparison.Ordinal);
        Assert.Null(await bot.Archive.Imports.GetAsync(id));
        var typed = await bot.Say(Demo.LiNa, "import");
        Assert.Contains("Only the sales manager imports ledgers", Shown(typed.Calls.Single().Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_workbook_gets_a_clear_answer_and_nothing_is_opened()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        // A PDF given a workbook's name (the reader goes by content: text would be read as CSV, a zip as .xlsx).
        var filing = await SendAsync(bot, Demo.WangFang, "台账.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray());
        var id = (await bot.Archive.Documents.InboxAsync(Demo.WangFang.AadObjectId)).Single().Id;

        var pressed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)));

        Assert.Contains("This file is not a workbook", Shown(pressed.InvokeCard), StringComparison.Ordinal);
        Assert.Null(await bot.Archive.Imports.GetAsync(id));   // no run opened
        Assert.Single(await bot.Archive.Documents.InboxAsync(Demo.WangFang.AadObjectId));   // the file kept: it may still be filed
    }

    [Fact]
    public async Task An_unrecognised_header_is_mapped_on_the_card_a_bad_mapping_comes_back_with_its_message_and_the_values_kept()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var csv = "客户名称,业务员,公司坐落\n无锡新锐物流有限公司,Li Na,无锡市新吴区长江路 8 号\n"u8.ToArray();
        var filing = await SendAsync(bot, Demo.WangFang, "新客户.csv", csv);
        var mapping = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)))).InvokeCard!;
        Assert.Contains("Column “公司坐落”", Shown(mapping), StringComparison.Ordinal);
        Assert.Contains("Recognised: 客户名称 → Customer name · 业务员 → Owner rep", Shown(mapping), StringComparison.Ordinal);

        // Read as the name as well: refused beside the sheet, everything chosen kept.
        var refused = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.CheckVerb,
            Press(mapping, ImportCards.CheckVerb, ("col.0.2", "name"))))).InvokeCard!;
        Assert.Contains("More than one column is read as: Customer name", Shown(refused), StringComparison.Ordinal);
        Assert.Equal("name", (string?)CardInputs.Values(refused)["col.0.2"]);

        var report = await CheckAsync(bot, refused, ("col.0.2", "address"));
        Assert.Contains("Will be created: 1 customers", Shown(report), StringComparison.Ordinal);
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.ApplyVerb, Press(report, ImportCards.ApplyVerb)));
        await PostedAsync(bot, "Imported 新客户.csv");
        var imported = Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("无锡新锐物流", 5));
        Assert.Equal("无锡市新吴区长江路 8 号", imported.Address);
    }

    [Fact]
    public async Task A_row_named_by_a_files_alias_or_whose_alias_is_a_files_name_is_a_duplicate_as_on_the_form()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var huadong = await bot.Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision Machinery", Demo.LiNa.AadObjectId,
            Aliases: "华东精密"), "seed-alias");
        var csv = "客户名称,简称,业务员\n华东精密,,Li Na\n华东精密机械（苏州）有限公司,Huadong Precision Machinery,Li Na\n无锡新锐物流有限公司,新锐,Li Na\n新锐,,Li Na\n"u8.ToArray();
        var filing = await SendAsync(bot, Demo.WangFang, "别名.csv", csv);
        var mapping = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)))).InvokeCard!;

        var report = Shown(await CheckAsync(bot, mapping));

        Assert.Contains("Will be created: 1 customers", report, StringComparison.Ordinal);
        Assert.Contains("duplicate: 3", report, StringComparison.Ordinal);
        Assert.Equal(2, report.Split(huadong.Number).Length - 1);   // by its alias, and by its name given as an alias
        Assert.Contains("Duplicate of row 4 of this file", report, StringComparison.Ordinal);   // 新锐, the alias of the row above
    }

    [Fact]
    public async Task An_owner_merged_over_several_rows_owns_each_of_them()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var path = Path.Combine(_folder, "合并.xlsx");
        new LedgerWorkbook().Sheet("客户", [
            ["客户名称", "业务员"],
            ["南京博远电子科技有限公司", "Tom Becker"],
            ["合肥鼎盛化工有限公司", null],
            ["嘉兴天成纺织有限公司", null],
            ["宁波海纳物流有限公司", "Li Na"],
        ], "B2:B4").Save(path);
        var filing = await SendAsync(bot, Demo.WangFang, "合并.xlsx", File.ReadAllBytes(path));
        var mapping = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)))).InvokeCard!;
        var report = await CheckAsync(bot, mapping);

        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.ApplyVerb, Press(report, ImportCards.ApplyVerb)));
        await PostedAsync(bot, "Imported 合并.xlsx");

        foreach (var (name, owner) in new[] { ("南京博远", Demo.TomBecker), ("合肥鼎盛", Demo.TomBecker), ("嘉兴天成", Demo.TomBecker), ("宁波海纳", Demo.LiNa) })
            Assert.Equal((name, owner.AadObjectId), (name, Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync(name, 5)).OwnerAadObjectId));
    }

    [Fact]
    public async Task An_apply_cut_short_is_resumed_by_the_sweep_once_its_lease_has_passed_and_completes_exactly_once()
    {
        await using var bot = await Customers.CustomerSeeds.StartBotAsync();
        var filing = await SendAsync(bot, Demo.WangFang, "新客户.csv", "客户名称,业务员\n南通瑞丰纺织有限公司,Li Na\n常州永泰化工有限公司,Tom Becker\n"u8.ToArray());
        var mapping = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.StartVerb, Press(filing, ImportCards.StartVerb)))).InvokeCard!;
        await CheckAsync(bot, mapping);
        // As if the instance that took Apply stopped before its first batch: the run holds "applying", its lease runs out.
        var run = (await bot.Archive.Imports.GetAsync((string)Actions(mapping).First()["data"]!["run"]!))!;
        var now = bot.Clock.GetUtcNow();
        await bot.Archive.Imports.SaveAsync(run with { Status = ImportStatus.Applying, LeaseUntil = now + ImportProgress.Lease });
        var desk = bot.Services.GetRequiredService<ImportDesk>();

        Assert.Equal(0, await desk.ResumeDueAsync(default));   // still held
        bot.Clock.Advance(ImportProgress.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await desk.ResumeDueAsync(default));
        Assert.Equal(0, await desk.ResumeDueAsync(default));

        Assert.Contains("Created: 2 customers", Shown(await PostedAsync(bot, "Imported 新客户.csv")), StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Completed, (await bot.Archive.Imports.GetAsync(run.Id))!.Status);
        Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("南通瑞丰纺织", 5));
    }

    /// <summary>Sends a file in the sender's 1:1 chat; the filing card the bot answers with.</summary>
    static async Task<JsonObject> SendAsync(TestBot bot, DemoPerson who, string name, byte[] content)
    {
        var url = bot.Connector.Serve("/files/" + Guid.NewGuid().ToString("N"), content);
        var received = await bot.PostAsync(Message(bot.ServiceUrl, who, "").WithFile(name, url));
        return received.Calls.Single(c => c.Method == "POST").Card!;
    }

    /// <summary>Presses Check (with choices made), sees "Checking…", and waits for the report the background posts.</summary>
    static async Task<JsonObject> CheckAsync(TestBot bot, JsonObject card, params (string Id, string Value)[] typed)
    {
        var checking = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.WangFang, ImportCards.CheckVerb, Press(card, ImportCards.CheckVerb, typed)));
        Assert.Contains("row by row", Shown(checking.InvokeCard), StringComparison.Ordinal);
        return await PostedAsync(bot, "Dry run of");   // each post clears the connector's calls: what follows is this press's
    }

    /// <summary>The card the background posts to Wang Fang's chat whose text has <paramref name="text"/>.</summary>
    static async Task<JsonObject> PostedAsync(TestBot bot, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var card = bot.Connector.Calls.Where(c => c.Method == "POST" && c.Card is not null).Select(c => c.Card!)
                .LastOrDefault(c => Shown(c).Contains(text, StringComparison.Ordinal));
            if (card is not null) return card;
            if (timeout.IsCancellationRequested)
                Assert.Fail($"No card with “{text}” was posted; posted: " + string.Join("\n", bot.Connector.Calls.Select(c => Shown(c.Body))));
            await Task.Delay(50, CancellationToken.None);
        }
    }

    static Uri Local(TestBot bot, string link) => new(bot.BaseUrl, new Uri(link).PathAndQuery);

    /// <summary>The report workbook behind the card's download link, read back: sheet, row, kind, status, customer, file, detail.</summary>
    static async Task<List<string[]>> ReportRowsAsync(TestBot bot, JsonObject report)
    {
        var url = Actions(report).Single(a => (string?)a["type"] == "Action.OpenUrl")["url"]!.GetValue<string>();
        using var response = await bot.Http.GetAsync(Local(bot, url));
        Assert.Equal(200, (int)response.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var reader = WorkbookFile.Open(path, "report.xlsx", 100_000);
            var sheet = reader.Sheets.Single();
            // Title line, a blank line, the header: the rows below.
            return [.. reader.Rows(sheet).SkipWhile(r => r[0] != "Sheet").Skip(1).Select(r => Enumerable.Range(0, 7).Select(i => r[i] ?? "").ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
