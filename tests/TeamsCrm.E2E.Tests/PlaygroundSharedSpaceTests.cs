using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// The audience rule in the local Teams client, tried as a sales manager would: Wang Fang (the playground of
/// tests/e2e/playground-manager.yml, whose group chat and team have Li Na and Tom Becker, reps, among their members)
/// types "@TeamsCrm find C-2026-00001" in the group chat and "@TeamsCrm team day" in the team's channel. What appears
/// there is what Tom, who does not own the file, may see; the full file and the team's day reach her own 1:1 chat. Then Li
/// Na asks to delete her file, with a reason: the team's approvals channel (the General channel here) gets the request's
/// summary, Wang Fang's 1:1 chat the whole request with the reason and the buttons. The rosters are the playground's own
/// (its members API); the bot runs in-process on SQLite with the production composition.
/// </summary>
public sealed class PlaygroundSharedSpaceTests
{
    const string GroupChat = "19:demo-group-chat@thread.v2";      // groupChat.id in playground-manager.yml
    const string Channel = "19:demo-team-general@thread.tacv2";   // team.id: its General channel
    const string Phone = "+86 21 5555 0100";
    static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    static readonly string WangFang = Demo.WangFang.TeamsId;

    [Fact]
    public async Task The_managers_find_and_team_day_show_the_others_only_what_a_rep_may_see_and_reach_her_privately()
    {
        await using var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Approvals:Channels:0"] = Channel });
        var huadong = await SeedAsync(bot);
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl,
            Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-manager.yml"));
        await using var client = await playground.ConnectAsync();

        // The group chat: the redacted card for everyone, a note to her, the full file in her 1:1 chat.
        await client.MentionAsync(GroupChat, WangFang, Demo.BotId, "TeamsCrm", $"find {huadong.Number}");
        var shared = await client.WaitForAsync("the card everyone in the group chat sees", m => m.ConversationId == GroupChat && m.Card is not null);
        Assert.Equal("Huadong Precision", shared.CardTitle);
        Assert.DoesNotContain(Phone, Text(shared.Card), StringComparison.Ordinal);
        Assert.Contains("Wang Lei", Text(shared.Card), StringComparison.Ordinal);   // a contact's name and title: everyone may see them
        var note = await client.WaitForAsync("the note in the group chat", m => m.ConversationId == GroupChat && m.Text is not null);
        Assert.Contains("<at>Wang Fang</at>", note.Text, StringComparison.Ordinal);
        var mine = await client.WaitForAsync("the full file in her 1:1 chat", m => m.ConversationId != GroupChat && m.Card is not null);
        Assert.Contains(Phone, Text(mine.Card), StringComparison.Ordinal);

        // Open on the shared card, as Tom would press it: his own view goes to his 1:1 chat, the answer says so.
        var open = AdaptiveCardJson.Button(shared.Card!, "Open");
        var answer = await client.ExecuteAsync(GroupChat, Demo.TomBecker.TeamsId, shared.MessageId, open);
        Assert.Equal("I sent it to your chat with TeamsCrm.", (string?)answer["value"]);

        // The channel: team day names customers and results, which only leaders and managers see: 1:1 only.
        var mention = await client.MentionAsync(Channel, WangFang, Demo.BotId, "TeamsCrm", "team day");
        var thread = (string?)mention["postConversationId"] ?? Channel;
        var channelNote = await client.WaitForAsync("the note in the channel", m => m.ConversationId.StartsWith(Channel, StringComparison.Ordinal));
        Assert.Equal(thread, channelNote.ConversationId);
        Assert.Null(channelNote.Card);
        Assert.Contains("<at>Wang Fang</at>", channelNote.Text, StringComparison.Ordinal);
        var teamDay = await client.WaitForAsync("team day in her 1:1 chat", m => !m.ConversationId.StartsWith(Channel, StringComparison.Ordinal)
            && m.ConversationId != GroupChat && m.Card is not null);
        Assert.Contains("Huadong Precision", Text(teamDay.Card), StringComparison.Ordinal);
        Assert.Equal(mine.ConversationId, teamDay.ConversationId);

        // An approval copy in the channel: the app installed in the team (the playground's own event), then Li Na's request.
        using var http = new HttpClient { BaseAddress = playground.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var install = await SendAsync(http, HttpMethod.Get, $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(Channel)}&type=install");
        await SendAsync(http, HttpMethod.Post, "_internal/v1/customActivities", install);
        // The playground answers before the bot has handled the event: the request waits for the welcome, as it would
        // in Teams, where the app is installed in the team before anyone files a request.
        await client.WaitForAsync("the welcome in the channel", m => m.ConversationId.StartsWith(Channel, StringComparison.Ordinal)
            && m.Card is not null && Text(m.Card).Contains("Welcome to TeamsCrm", StringComparison.Ordinal));
        const string Reason = "Merged into the group account after the takeover";
        var request = (JsonObject)install.DeepClone();
        foreach (var key in new[] { "action", "membersAdded", "membersRemoved", "channelData" }) request.Remove(key);
        request["type"] = "invoke";
        request["name"] = "adaptiveCard/action";
        request["id"] = "li-na-delete-1";
        request["from"] = new JsonObject { ["id"] = Demo.LiNa.TeamsId, ["name"] = Demo.LiNa.Name, ["aadObjectId"] = Demo.LiNa.AadObjectId };
        request["conversation"] = new JsonObject { ["id"] = "a:demo-personal-li-na", ["conversationType"] = "personal", ["tenantId"] = Demo.TenantId };
        request["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "customer.delete.send",
                ["data"] = new JsonObject { ["number"] = huadong.Number, ["reason"] = Reason } },
        };
        await SendAsync(http, HttpMethod.Post, "_internal/v1/customActivities", request);
        var summary = await client.WaitForAsync("the request's copy in the approvals channel", m => m.ConversationId.StartsWith(Channel, StringComparison.Ordinal)
            && m.Card is not null && Text(m.Card).Contains("Huadong Precision", StringComparison.Ordinal));
        Assert.DoesNotContain(Reason, Text(summary.Card), StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", Text(summary.Card), StringComparison.Ordinal);
        var approverCopy = await client.WaitForAsync("the request in her 1:1 chat", m => m.ConversationId == mine.ConversationId
            && m.Card is not null && Text(m.Card).Contains(Reason, StringComparison.Ordinal));
        Assert.Contains("approval.decide", Text(approverCopy.Card), StringComparison.Ordinal);
    }

    static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    static string Text(JsonObject? card) => card?.ToJsonString(new System.Text.Json.JsonSerializerOptions
        { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    /// <summary>Li Na's customer with a contact, and her visit there today.</summary>
    /// <summary>
    /// The compose box's Customers search and a file's link pasted there, driven through the playground's invoke API
    /// (composeExtension/query and queryLink; it has no selectItem): the results come back for the searcher alone, the link's
    /// card as everyone in the group chat may see it.
    /// </summary>
    [Fact]
    public async Task The_compose_box_search_and_a_pasted_link_answer_through_the_playground()
    {
        await using var bot = await TestBot.StartAsync(now: Now);
        var huadong = await SeedAsync(bot);
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl,
            Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-manager.yml"));
        await using var client = await playground.ConnectAsync();

        var answer = await client.ComposeQueryAsync(GroupChat, WangFang, "searchCustomers", "Huadong");

        var result = answer["composeExtension"]!;   // the bot's invoke response, as the playground received it
        Assert.Equal("result", (string?)result["type"]);
        var preview = result["attachments"]![0]!["preview"]!["content"]!;
        Assert.Equal($"Huadong Precision · {huadong.Number}", (string?)preview["title"]);
        Assert.Equal("Li Na · Active", (string?)preview["text"]);
        Assert.Equal(huadong.Number, (string?)preview["tap"]!["value"]!["number"]);

        // Her link pasted in the group chat unfurls into the card everyone there may see: Tom reads it, so no phone number.
        var unfurled = await client.ComposeLinkAsync(GroupChat, WangFang, $"https://crm.contoso.example/customers/{huadong.Number}");
        var card = (JsonObject)unfurled["composeExtension"]!["attachments"]![0]!["content"]!;
        Assert.Equal("Huadong Precision", AdaptiveCardJson.Title(card));
        Assert.DoesNotContain(Phone, Text(card), StringComparison.Ordinal);
    }

    static async Task<Customer> SeedAsync(TestBot bot)
    {
        var files = bot.Archive.Customers;
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId, Phone: Phone,
            Contacts: [new NewContact("Wang Lei", "Purchasing manager", "138 0013 8000", null, ContactRole.Primary)]), Guid.NewGuid().ToString("D"));
        var active = await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
        await bot.Archive.Visits.AddOnceAsync(new Visit
        {
            Id = "v1", CustomerNumber = active.Number, CustomerName = active.Name, RepAadObjectId = Demo.LiNa.AadObjectId,
            Time = Now.AddHours(-2), TimeZoneId = "UTC", SubmissionId = Guid.NewGuid().ToString("D"), CreatedAt = Now, Notes = "Pricing talk",
        });
        return active;
    }
}
