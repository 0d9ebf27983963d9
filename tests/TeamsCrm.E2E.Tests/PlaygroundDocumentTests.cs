using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// A document from the local Teams client. The Agents Playground (0.2.28) cannot attach a file in its compose box: its
/// message API drops attachments and its "+" opens message extensions. What it can do is forward an activity as it is —
/// its own "Mock an Activity" (POST /_internal/v1/customActivities) — so Li Na's message with a PDF is sent that way, shaped
/// as Teams sends a file to a bot with supportsFiles (a file.download.info attachment whose downloadUrl the test serves).
/// Everything after it is the Playground's real chat: the filing card appears in Li Na's chat, she saves it from there, the
/// customer card lists the document and its Open link downloads it from the bot.
/// </summary>
public sealed class PlaygroundDocumentTests
{
    const string LiNaChat = "a:demo-personal-li-na";   // personalChat.id in .m365agentsplayground.yml
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");

    [Fact]
    public async Task Li_Na_sends_a_contract_files_it_and_opens_it_from_her_customer_card()
    {
        await using var bot = await TestBot.StartAsync();
        var files = bot.Archive.Customers;
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId), Guid.NewGuid().ToString("D"));
        var huadong = await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl);
        await using var client = await playground.ConnectAsync();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        await client.SayAsync(LiNaChat, Demo.LiNa.TeamsId, $"find {huadong.Number}");   // the file she sends next goes here by default
        await client.WaitForAsync("her customer card", m => m.CardTitle == "Huadong Precision");

        var download = bot.Connector.Serve("/files/contract.pdf", Pdf);
        var message = new JsonObject
        {
            ["type"] = "message", ["id"] = "li-na-file-1", ["text"] = "", ["channelId"] = "msteams", ["locale"] = "en-US",
            ["serviceUrl"] = new Uri(playground.BaseUrl, "_connector").ToString(),
            ["from"] = new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
            ["conversation"] = new JsonObject { ["id"] = LiNaChat, ["conversationType"] = "personal", ["tenantId"] = Demo.TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Demo.TenantId } },
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info", ["name"] = "Contract HT-2026-118.pdf",
                ["contentUrl"] = "https://contoso.sharepoint.com/personal/li_na/Documents/Contract HT-2026-118.pdf",
                ["content"] = new JsonObject { ["downloadUrl"] = download.ToString(), ["uniqueId"] = Guid.NewGuid().ToString("D"), ["fileType"] = "pdf" },
            }),
        };
        using (var sent = await http.PostAsync("_internal/v1/customActivities", new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json")))
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        var filing = await client.WaitForAsync("the filing card", m => m.CardTitle == "File 1 document(s) in a customer's folder");
        var save = AdaptiveCardJson.Button(filing.Card!, "Save");
        var values = CardInputs.Values(filing.Card!);
        values["category"] = "Contracts";
        foreach (var (id, value) in save.Data) values[id] = value?.DeepClone();
        var filed = await client.ExecuteAsync(LiNaChat, Demo.LiNa.TeamsId, filing.MessageId, save with { Data = values });
        Assert.Equal("Filed: 1 document(s) under 2 Contracts and orders of Huadong Precision", AdaptiveCardJson.Title(filed["value"]!));

        await client.SayAsync(LiNaChat, Demo.LiNa.TeamsId, $"find {huadong.Number}");
        var card = await client.WaitForAsync("her card with the contract", m => m.CardTitle == "Huadong Precision" && m.Card!.ToJsonString().Contains("Contract HT-2026-118"));
        var link = Links(card.Card!).Single(u => u.Contains("/documents?", StringComparison.Ordinal));
        using var opened = await bot.Http.GetAsync(new Uri(bot.BaseUrl, new Uri(link).PathAndQuery));
        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync());
    }

    static IEnumerable<string> Links(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.OpenUrl" => [(string)o["url"]!],
        JsonObject o => o.SelectMany(p => Links(p.Value)),
        JsonArray a => a.SelectMany(Links),
        _ => [],
    };
}
