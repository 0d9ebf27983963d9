using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Tests.Reminders;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Access.SharedSpaceTranscripts;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Customers;

/// <summary>
/// The compose box's Customers search (a bot-based message extension), through the real pipeline with invokes shaped as the
/// Teams docs show them (composeExtension/query, composeExtension/selectItem). The results are the searcher's; the card
/// inserted is the conversation's: in one's own chat with the bot one's own view, in a group chat the least view of its
/// members with Open, in a channel with someone outside the directory nothing. Bad input gets a message, never a 5xx.
/// The Agents Playground (0.2.x) has no message-extension surface to drive: these invokes are what Teams sends.
/// </summary>
public class ComposeSearchTests
{
    static JsonObject Extension(TurnResult turn) => (JsonObject)turn.Body!["composeExtension"]!;
    static JsonArray Attachments(TurnResult turn) => Extension(turn)["attachments"]!.AsArray();
    static string Message(TurnResult turn) => (string)Extension(turn)["text"]!;
    static string Shown(JsonNode node) => Approvals.NewFileApproval.Shown(node);

    [Fact]
    public async Task In_her_own_chat_Li_Na_finds_her_customer_and_inserts_her_full_view()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);

        await Transcript.VerifyAsync("compose.search.en-US", bot, ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Huadong"));
        var found = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Huadong"));
        var preview = (JsonObject)Attachments(found).Single()!["preview"]!["content"]!;
        Assert.Equal(($"Huadong Precision · {huadong.Number}", "Li Na · Active"), ((string)preview["title"]!, (string)preview["text"]!));

        var chosen = await bot.PostAsync(ComposeSelect(bot.ServiceUrl, Demo.LiNa, (JsonObject)preview["tap"]!["value"]!));
        var inserted = Attachments(chosen).Single()!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)inserted["contentType"]!);
        Assert.Contains(CustomerSeeds.HuadongPhone, Shown(inserted["content"]!), StringComparison.Ordinal);   // her own file, in full
    }

    [Fact]
    public async Task In_a_group_chat_the_inserted_card_is_what_Tom_may_see_and_Open_gives_Li_Na_hers_privately()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        bot.Connector.Members.AddRange([Member(Demo.WangFang), Member(Demo.LiNa), Member(Demo.TomBecker)]);

        var found = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.WangFang, "Huadong", Demo.GroupChat, "groupChat"));
        var preview = (JsonObject)Attachments(found).Single()!["preview"]!["content"]!;
        Assert.Equal("Li Na · Active", (string)preview["text"]!);   // the results are hers alone: the sales manager sees the status
        var chosen = await bot.PostAsync(ComposeSelect(bot.ServiceUrl, Demo.WangFang, (JsonObject)preview["tap"]!["value"]!, Demo.GroupChat, "groupChat"));

        var card = (JsonObject)Attachments(chosen).Single()!["content"]!;
        var text = Shown(card);
        Assert.Contains("Huadong Precision", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerSeeds.HuadongPhone, text, StringComparison.Ordinal);   // Tom reads the chat: the redacted view
        Assert.DoesNotContain("HT-2026-118", text, StringComparison.Ordinal);
        var open = Documents.DocumentMessages.Actions(card).First(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == "customer.open");

        // Li Na presses Open on the card in the group chat: her own full view goes to her 1:1 chat, nothing to the group.
        var pressed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.open", (JsonObject)open["data"]!.DeepClone(), "en-US", "inserted-card",
            Demo.GroupChat).With("conversation", new JsonObject { ["conversationType"] = "groupChat", ["tenantId"] = Demo.TenantId, ["id"] = Demo.GroupChat, ["isGroup"] = true }));
        var toHer = pressed.Calls.Where(c => c.Method == "POST" && c.Card is not null).ToList();
        Assert.All(toHer, c => Assert.StartsWith("/v3/conversations/a:", c.Path, StringComparison.Ordinal));   // her 1:1 chat (started now)
        Assert.Contains(toHer, c => Shown(c.Card!).Contains(CustomerSeeds.HuadongPhone, StringComparison.Ordinal));
        // Showing it in the chat is logged as a read of Li Na's file by the sales manager (借阅), as find's is.
        Assert.Contains(await bot.Archive.Customers.AccessLogAsync(huadong.Number), e => e.ReaderAadObjectId == Demo.WangFang.AadObjectId);

        // The inserted card stays current: Teams refreshes it for the chat's members (no user list: up to 60 of them). Tom's
        // refresh, after Li Na added a contact, shows the new contact — and still only what the chat may see.
        var refresh = (JsonObject)card["refresh"]!["action"]!;
        Assert.False(card["refresh"]!.AsObject().ContainsKey("userIds"));
        await bot.Archive.Customers.AddContactAsync(huadong.Number, new NewContact("Sun Hao", "Plant manager", "139 0000 0001", null, ContactRole.Influencer));
        var tomsRefresh = CardAction(bot.ServiceUrl, Demo.TomBecker, (string)refresh["verb"]!, (JsonObject)refresh["data"]!.DeepClone(), "en-US", "inserted-card",
            Demo.GroupChat).With("conversation", new JsonObject { ["conversationType"] = "groupChat", ["tenantId"] = Demo.TenantId, ["id"] = Demo.GroupChat, ["isGroup"] = true });
        tomsRefresh["value"]!["trigger"] = "automatic";
        // The card as inserted (with its refresh), through the official renderer like every card.
        Assert.Empty((await OfficialCardRenderer.ValidateAsync([("inserted", card)]))["inserted"]);
        var refreshed = Shown((await bot.PostAsync(tomsRefresh)).InvokeCard!);
        Assert.Contains("Sun Hao", refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerSeeds.HuadongPhone, refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("139 0000 0001", refreshed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_with_someone_outside_the_directory_gets_no_card()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        bot.Connector.Members.AddRange([Member(Demo.LiNa), Member(Demo.Stranger)]);

        var chosen = await bot.PostAsync(ComposeSelect(bot.ServiceUrl, Demo.LiNa, new JsonObject { ["number"] = huadong.Number }).InChannel());

        Assert.Equal(200, chosen.Status);
        Assert.Contains("cannot be shared here", Message(chosen), StringComparison.Ordinal);
        Assert.DoesNotContain(chosen.Calls, c => c.Method == "POST");   // the roster was read; nothing was sent anywhere
    }

    [Fact]
    public async Task Opened_empty_it_lists_the_file_opened_last_and_her_own_and_pages_through_many()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        for (var i = 1; i <= 30; i++) await Visits.VisitSeeds.ActiveAsync(bot.Archive.Customers, $"Acme {i:D2}", Demo.LiNa);
        var toms = await Visits.VisitSeeds.ActiveAsync(bot.Archive.Customers, "Zenith Tools", Demo.TomBecker);
        await bot.PostAsync(ComposeSelect(bot.ServiceUrl, Demo.LiNa, new JsonObject { ["number"] = toms.Number }));   // opened last

        var first = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.LiNa, ""));
        Assert.Equal(25, Attachments(first).Count);
        Assert.StartsWith("Zenith Tools", (string)Attachments(first)[0]!["preview"]!["content"]!["title"]!, StringComparison.Ordinal);
        Assert.Equal("Tom Becker", (string)Attachments(first)[0]!["preview"]!["content"]!["text"]!);   // another rep's file: no status

        var page1 = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Acme", count: 25));
        var page2 = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Acme", skip: 25, count: 25));
        Assert.Equal((25, 5), (Attachments(page1).Count, Attachments(page2).Count));
        var titles = Attachments(page1).Concat(Attachments(page2)).Select(a => (string)a!["preview"]!["content"]!["title"]!).ToList();
        Assert.Equal(30, titles.Distinct().Count());
    }

    [Theory]
    [InlineData("too long")]
    [InlineData("unknown command")]
    [InlineData("not in the directory")]
    [InlineData("unknown file")]
    [InlineData("forged tap")]
    [InlineData("nothing found")]
    public async Task Bad_input_gets_a_message_and_never_a_5xx(string what)
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        var (activity, expected) = what switch
        {
            "too long" => (ComposeQuery(bot.ServiceUrl, Demo.LiNa, new string('华', 2_000)), "at most 100 characters"),
            "unknown command" => (ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Huadong", commandId: "searchOrders"), "does not know that search"),
            "not in the directory" => (ComposeQuery(bot.ServiceUrl, Demo.Stranger, "Huadong"), "open to sales staff"),
            "unknown file" => (ComposeSelect(bot.ServiceUrl, Demo.LiNa, new JsonObject { ["number"] = "C-2099-99999" }), "no such customer file"),
            "forged tap" => (ComposeSelect(bot.ServiceUrl, Demo.LiNa, new JsonObject { ["number"] = new JsonArray(1, 2) }), "no such customer file"),
            _ => (ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Nobody Ltd"), "No customer file matches"),
        };

        var answer = await bot.PostAsync(activity);

        Assert.Equal(200, answer.Status);
        Assert.Equal("message", (string)Extension(answer)["type"]!);
        Assert.Contains(expected, Message(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("composeExtension/selectItem")]
    [InlineData("composeExtension/queryLink")]
    [InlineData("composeExtension/fetchTask")]
    [InlineData("composeExtension/submitAction")]
    public async Task A_compose_invoke_whose_value_is_not_what_Teams_sends_is_answered_and_never_a_5xx(string name)
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        foreach (var value in new JsonNode?[] { null, "x", 42, new JsonArray(1), new JsonObject { ["commandId"] = 7, ["parameters"] = "y", ["url"] = 1, ["data"] = "z" } })
        {
            var answer = await bot.PostAsync(ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Huadong").With("name", name).With("value", value?.DeepClone()));
            Assert.Equal(200, answer.Status);
            // Answered by the feature (a message, nothing found, the dialog closing), not by the turn failing.
            Assert.DoesNotContain("something went wrong", answer.Body?.ToJsonString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_search_from_a_tenant_not_allowed_is_refused()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var query = ComposeQuery(bot.ServiceUrl, Demo.LiNa, "Huadong");
        query["conversation"]!["tenantId"] = "0bad0000-0000-4000-8000-00000000e111";
        query["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "0bad0000-0000-4000-8000-00000000e111" } };

        var answer = await bot.PostAsync(query, bot.TokenFor(bot.ServiceUrl));

        Assert.Equal(403, answer.Status);
    }

    [Fact]
    public async Task A_pasted_link_unfurls_into_the_card_that_conversation_may_see()
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        var huadong = await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        bot.Connector.Members.AddRange([Member(Demo.WangFang), Member(Demo.LiNa), Member(Demo.TomBecker)]);
        var link = $"https://crm.contoso.example/customers/{huadong.Number}";

        var inGroup = await bot.PostAsync(ComposeLink(bot.ServiceUrl, Demo.LiNa, link, Demo.GroupChat, "groupChat"));
        var inOwnChat = await bot.PostAsync(ComposeLink(bot.ServiceUrl, Demo.LiNa, link));
        var unknown = await bot.PostAsync(ComposeLink(bot.ServiceUrl, Demo.LiNa, "https://crm.contoso.example/customers/C-2099-99999"));
        var notAFile = await bot.PostAsync(ComposeLink(bot.ServiceUrl, Demo.LiNa, "https://crm.contoso.example/export?k=Analysis"));

        var shared = Shown(Attachments(inGroup).Single()!["content"]!);
        Assert.Contains("Huadong Precision", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerSeeds.HuadongPhone, shared, StringComparison.Ordinal);   // Tom is in the group chat
        Assert.Contains(CustomerSeeds.HuadongPhone, Shown(Attachments(inOwnChat).Single()!["content"]!), StringComparison.Ordinal);
        foreach (var answer in new[] { unknown, notAFile })
            Assert.Equal("There is no such customer file; it may have been deleted.", (string)Attachments(answer).Single()!["preview"]!["content"]!["text"]!);
    }

    [Theory]
    [InlineData("/customers/C-2026-00001", "", 200, "This is the link of customer file C-2026-00001")]
    [InlineData("/customers/C-2026-00001", "zh-CN,zh;q=0.9", 200, "这是 TeamsCrm 中客户档案 C-2026-00001 的链接")]
    [InlineData("/customers/not-a-file", "", 404, "This address names no customer file")]
    public async Task A_link_opened_in_a_browser_says_how_to_open_it_in_Teams_and_shows_nothing_of_the_file(string path, string language, int status, string says)
    {
        await using var bot = await CustomerSeeds.StartBotAsync();
        await CustomerSeeds.HuadongAsync(bot.Archive.Customers);
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (language.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Language", language);

        using var response = await bot.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(says, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Huadong", html, StringComparison.Ordinal);   // not even whether the file exists
    }

    [Fact]
    public void Every_compose_command_the_bot_answers_is_in_the_manifest_and_every_one_there_is_answered()
    {
        var routed = Bot.Turns.Routes.Map(new Bot.Turns.Router()).ComposeCommands.Where(c => c is not Bot.Turns.ComposeVerbs.SelectItem and not Bot.Turns.ComposeVerbs.QueryLink).Order();
        var manifest = JsonNode.Parse(File.ReadAllText(Repo.Path("manifest", "manifest.json")))!;
        var declared = manifest["composeExtensions"]!.AsArray().SelectMany(e => e!["commands"]!.AsArray()).Select(c => (string)c!["id"]!).Order();
        Assert.Equal(declared, routed);
        Assert.Equal("${{BOT_DOMAIN}}", (string?)manifest["composeExtensions"]![0]!["messageHandlers"]![0]!["value"]!["domains"]![0]);   // links unfurl
        Assert.Equal(["addToNotes", "logAsVisit", "searchCustomers"], routed);
    }
}
