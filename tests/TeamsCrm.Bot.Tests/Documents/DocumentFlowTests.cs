using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.Bot.Tests.Documents.DocumentMessages;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Documents;

/// <summary>
/// A customer's documents through the real pipeline, as a new user would meet them: Li Na sends a PDF contract in her 1:1
/// chat, files it under Contracts of her customer, sees it on the card and opens it; Tom, another rep, sees no document;
/// the sales manager opens it and the read is logged; after deletion and purge it is gone from the store.
/// </summary>
public class DocumentFlowTests
{
    static async Task<(TestBot Bot, Customer Huadong)> StartAsync()
    {
        var bot = await StartBotAsync();
        return (bot, await HuadongAsync(bot.Archive.Customers));
    }

    /// <summary>Li Na opens her customer (the filing card's default), sends the contract and files it under Contracts.</summary>
    static async Task<JsonObject> FileContractAsync(TestBot bot, Customer huadong, string name = "合同 HT-2026-118.pdf")
    {
        await bot.Say(Demo.LiNa, $"find {huadong.Number}");
        var url = bot.Connector.Serve("/files/contract", Pdf);
        var received = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "signed today").WithFile(name, url).WithHtmlCopy());
        var filing = Posted(received);
        Assert.Equal(huadong.Number, Inputs(filing).Single(i => (string?)i["id"] == "customer")["value"]!.GetValue<string>());
        var saved = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "document.file",
            Press(filing, "document.file", ("category", nameof(ArchiveCategory.Contracts)))));
        return saved.InvokeCard!;
    }

    /// <summary>The one card the bot posted (the turn also fetched the files it was sent).</summary>
    static JsonObject Posted(TurnResult result) => result.Calls.Single(c => c.Method == "POST").Card!;

    static string? OpenLink(JsonObject card) => Actions(card).FirstOrDefault(a => (string?)a["type"] == "Action.OpenUrl" && ((string?)a["url"])!.Contains("/documents?", StringComparison.Ordinal))?["url"]?.GetValue<string>();

    [Fact]
    public async Task Li_Na_files_a_contract_sees_it_on_her_card_and_opens_it()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;

        var filed = await FileContractAsync(bot, huadong);

        Assert.Contains("Filed: 1 document(s) under 2 Contracts and orders of Huadong Precision", Shown(filed), StringComparison.Ordinal);
        var document = Assert.Single(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
        Assert.Equal((ArchiveCategory.Contracts, "合同 HT-2026-118", Pdf.Length), (document.Category, document.Title, (int)document.Size));
        var card = (await bot.Say(Demo.LiNa, $"find {huadong.Number}")).SingleCard();
        Assert.Contains("合同 HT-2026-118", Shown(card), StringComparison.Ordinal);
        using var opened = await bot.Http.GetAsync(Local(bot, OpenLink(card)!));
        Assert.Equal(200, (int)opened.StatusCode);
        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Empty(await bot.Archive.Customers.AccessLogAsync(huadong.Number));   // her own customer: not a loan
        var history = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.History;
        Assert.Contains(history, h => h.Field == DocumentSection.HistoryField && h.ApprovalId == document.Id && h.NewValue!.Contains("合同 HT-2026-118", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_rep_sees_no_document_only_that_there_is_one_and_cannot_open_a_link_made_for_Li_Na()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await FileContractAsync(bot, huadong);
        var linaCard = (await bot.Say(Demo.LiNa, $"find {huadong.Number}")).SingleCard();

        var tomCard = (await bot.Say(Demo.TomBecker, $"find {huadong.Number}")).SingleCard();

        Assert.DoesNotContain("HT-2026-118", Shown(tomCard), StringComparison.Ordinal);
        Assert.Null(OpenLink(tomCard));
        Assert.Contains("1 document(s)", Shown(tomCard), StringComparison.Ordinal);
        var forged = OpenLink(linaCard)!.Replace(Uri.EscapeDataString(Demo.LiNa.AadObjectId), Uri.EscapeDataString(Demo.TomBecker.AadObjectId), StringComparison.Ordinal);
        using var refused = await bot.Http.GetAsync(Local(bot, forged));
        Assert.Equal(403, (int)refused.StatusCode);
        var sent = await bot.Press(Demo.TomBecker, DocumentSection.SendVerb, new JsonObject { ["id"] = (await bot.Archive.Documents.ForCustomerAsync(huadong.Number))[0].Id });
        Assert.Contains("not available to you", sent.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sales_manager_opens_it_and_the_read_is_logged()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await FileContractAsync(bot, huadong);

        var card = (await bot.Say(Demo.WangFang, $"find {huadong.Number}")).SingleCard();
        using var opened = await bot.Http.GetAsync(Local(bot, OpenLink(card)!));

        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync());
        Assert.Contains(await bot.Archive.Customers.AccessLogAsync(huadong.Number),
            r => r.ReaderAadObjectId == Demo.WangFang.AadObjectId && r.What.StartsWith("document opened: 合同 HT-2026-118", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_deletion_the_documents_stay_through_retention_and_the_purge_removes_them_for_good()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await FileContractAsync(bot, huadong);
        var current = (await bot.Archive.Customers.GetAsync(huadong.Number))!;
        await bot.Archive.Customers.UpdateAsync(Retention.Delete(current, bot.Clock.GetUtcNow()), []);
        var purge = bot.Services.GetRequiredService<CustomerPurge>();

        await purge.PurgeDueAsync(bot.Clock.GetUtcNow().AddDays(29));
        Assert.Single(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
        await purge.PurgeDueAsync(bot.Clock.GetUtcNow().AddDays(31));

        Assert.Empty(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
        Assert.False(System.IO.Directory.Exists(Path.Combine(bot.DocumentsFolder, huadong.Number)));
    }

    [Fact]
    public async Task The_owner_removes_a_document_after_confirming_and_the_history_keeps_it_another_rep_may_not()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await FileContractAsync(bot, huadong);
        var document = (await bot.Archive.Documents.ForCustomerAsync(huadong.Number))[0];
        JsonObject Id() => new() { ["id"] = document.Id };

        Assert.Contains("Not allowed", Shown((await bot.Press(Demo.TomBecker, DocumentSection.RemoveVerb, Id())).InvokeCard), StringComparison.Ordinal);
        Assert.Contains("already", Shown((await bot.Press(Demo.TomBecker, "document.remove.confirm", Id())).InvokeCard), StringComparison.Ordinal);
        Assert.Single(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));

        var ask = (await bot.Press(Demo.LiNa, DocumentSection.RemoveVerb, Id())).InvokeCard!;
        Assert.Contains("Remove “合同 HT-2026-118”?", Shown(ask), StringComparison.Ordinal);
        var removed = await bot.Press(Demo.LiNa, "document.remove.confirm", Press(ask, "document.remove.confirm"));

        Assert.Contains("was removed", Shown(removed.InvokeCard), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
        var history = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!.History;
        Assert.Contains(history, h => h.Field == DocumentSection.HistoryField && h.ApprovalId == document.Id && h.NewValue is null
            && h.OldValue!.StartsWith("合同 HT-2026-118", StringComparison.Ordinal) && h.ByAadObjectId == Demo.LiNa.AadObjectId);
    }

    [Fact]
    public async Task Bad_files_get_a_clear_answer_and_nothing_is_kept()
    {
        await using var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Documents:MaxBytes"] = "1024" });
        await HuadongAsync(bot.Archive.Customers);
        var big = bot.Connector.Serve("/files/big", new byte[4096]);
        var gone = new Uri(bot.ServiceUrl, "files/expired");   // served by nobody: the fake connector answers it with an error

        var answer = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "")
            .WithFile("scan.pdf", big).WithFile("setup.exe", big).WithFile("lost.pdf", gone));

        var text = (string?)answer.Calls.Single(c => c.Method == "POST").Body!["text"];
        Assert.Contains("“scan.pdf” was not kept: it is larger than 1 KB", text, StringComparison.Ordinal);
        Assert.Contains("“setup.exe” was not kept: files of this type are not filed", text, StringComparison.Ordinal);
        Assert.Contains("“lost.pdf” could not be fetched", text, StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Documents.InboxAsync(Demo.LiNa.AadObjectId));
        Assert.Empty(System.IO.Directory.Exists(bot.DocumentsFolder) ? System.IO.Directory.EnumerateFiles(bot.DocumentsFolder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_name_that_climbs_out_of_its_folder_is_kept_by_its_last_part()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;

        await FileContractAsync(bot, huadong, name: "../../x.pdf");

        var document = Assert.Single(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
        Assert.Equal("x.pdf", document.OriginalName);
        Assert.All(System.IO.Directory.EnumerateFiles(bot.DocumentsFolder, "*", SearchOption.AllDirectories),
            f => Assert.StartsWith(Path.GetFullPath(bot.DocumentsFolder), Path.GetFullPath(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_many_files_in_one_message_are_refused_before_any_is_fetched()
    {
        await using var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Documents:MaxFilesPerMessage"] = "2" });
        var url = bot.Connector.Serve("/files/a", Pdf);

        var answer = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithFile("a.pdf", url).WithFile("b.pdf", url).WithFile("c.pdf", url));

        Assert.Contains("at most 2", (string?)answer.Calls.Single(c => c.Method == "POST").Body!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Calls, c => c.Method == "GET");
    }

    [Fact]
    public async Task Discard_removes_the_received_files_and_a_second_press_finds_them_gone()
    {
        var (bot, _) = await StartAsync();
        await using var __ = bot;
        var filing = Posted(await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithFile("a.pdf", bot.Connector.Serve("/files/a", Pdf))));
        var ids = Press(filing, "document.discard");

        Assert.Contains("Discarded", (await bot.Press(Demo.LiNa, "document.discard", ids)).InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await bot.Archive.Documents.InboxAsync(Demo.LiNa.AadObjectId));
        var again = await bot.Press(Demo.LiNa, "document.file", Press(filing, "document.file"));
        Assert.Contains("no longer waiting", again.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_card_data_files_nothing_of_theirs_and_a_forged_customer_is_refused_beside_the_field()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        var tomsFile = await HuaxinAsync(bot.Archive.Customers, Demo.TomBecker);
        var filing = Posted(await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithFile("a.pdf", bot.Connector.Serve("/files/a", Pdf))));

        var asTom = await bot.Press(Demo.TomBecker, "document.file", Press(filing, "document.file", ("customer", tomsFile.Number), ("category", "Basic")));
        Assert.Contains("no longer waiting", asTom.InvokeCard!.ToJsonString(), StringComparison.Ordinal);

        var elsewhere = await bot.Press(Demo.LiNa, "document.file", Press(filing, "document.file", ("customer", tomsFile.Number), ("category", "Basic")));
        Assert.Contains("Only the rep who owns this customer files its documents", elsewhere.InvokeCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(tomsFile.Number, (string?)Inputs(elsewhere.InvokeCard!).Single(i => (string?)i["id"] == "customer")["value"]);   // kept as typed
        Assert.Single(await bot.Archive.Documents.InboxAsync(Demo.LiNa.AadObjectId));
        Assert.Empty(await bot.Archive.Documents.ForCustomerAsync(tomsFile.Number));
        Assert.Empty(await bot.Archive.Documents.ForCustomerAsync(huadong.Number));
    }

    [Fact]
    public async Task Send_me_offers_the_file_and_an_accepted_offer_puts_it_in_the_persons_OneDrive_and_chat()
    {
        var (bot, huadong) = await StartAsync();
        await using var _ = bot;
        await FileContractAsync(bot, huadong);
        var document = (await bot.Archive.Documents.ForCustomerAsync(huadong.Number))[0];

        var offer = await bot.Press(Demo.LiNa, DocumentSection.SendVerb, new JsonObject { ["id"] = document.Id });
        var consent = offer.Calls.Single(c => c.Method == "POST").Body!["attachments"]![0]!;
        Assert.Equal(("application/vnd.microsoft.teams.card.file.consent", "合同 HT-2026-118.pdf", (long)Pdf.Length, document.Id),
            ((string?)consent["contentType"], (string?)consent["name"], (long)consent["content"]!["sizeInBytes"]!, (string?)consent["content"]!["acceptContext"]!["documentId"]));

        var accept = CardAction(bot.ServiceUrl, Demo.LiNa, "x").With("name", "fileConsent/invoke").With("value", new JsonObject
        {
            ["type"] = "fileUpload", ["action"] = "accept", ["context"] = new JsonObject { ["documentId"] = document.Id },
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/li_na/Documents/Applications/TeamsCrm/contract.pdf",
                ["name"] = "合同 HT-2026-118.pdf", ["uploadUrl"] = new Uri(bot.ServiceUrl, "upload/session-1").ToString(),
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D", ["fileType"] = "pdf",
            },
        });
        var accepted = await bot.PostAsync(accept);

        Assert.Equal(200, accepted.Status);
        var put = Assert.Single(accepted.Calls, c => c.Method == "PUT" && c.Path == "/upload/session-1");
        Assert.Equal((Pdf.Length, $"bytes 0-{Pdf.Length - 1}/{Pdf.Length}"), ((int)put.BodyLength, put.ContentRange));
        var info = accepted.Calls.Single(c => c.Method == "POST").Body!["attachments"]![0]!;
        Assert.Equal(("application/vnd.microsoft.teams.card.file.info", "1150D938-8870-4044-9F2C-5BBDEBA70C9D"),
            ((string?)info["contentType"], (string?)info["content"]!["uniqueId"]));

        var declined = await bot.PostAsync(accept.With("id", NextId()).With("value", new JsonObject { ["type"] = "fileUpload", ["action"] = "decline", ["context"] = new JsonObject { ["documentId"] = document.Id } }));
        Assert.Contains("did not send the file", declined.Calls.Single(c => c.Method == "POST").Body!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>The signed link on the bot's own test address (links are made with the configured base URL).</summary>
    static Uri Local(TestBot bot, string link) => new(bot.BaseUrl, new Uri(link).PathAndQuery);
}
