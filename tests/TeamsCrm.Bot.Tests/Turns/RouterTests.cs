using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Tests.Turns;

public class RouterTests
{
    static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    static Router Table()
    {
        var r = new Router();
        r.Command(["log visit", "拜访"], (Turn t) => Reply.Text("visit:" + t.Text));
        r.Command(["log"], (Turn t) => Reply.Text("log:" + t.Text));
        r.Command(["help", "帮助"], (Turn t) => Reply.Text("help:" + t.Text));
        r.Verb("visit.save", (Turn t) => Reply.Text("saved:" + t.DataString("id")));
        r.Fallback((Turn t) => Reply.Text("fallback:" + t.Text));
        r.UnknownVerb((Turn t) => Reply.Text("stale:" + t.Verb));
        return r;
    }

    static async Task<string?> Route(string text) =>
        (await Table().RouteAsync(TurnFor(TurnKind.Message) with { Text = text }, NoServices, default)).Messages.Single().Text;

    static Turn TurnFor(TurnKind kind) => new()
    {
        User = new TurnUser("aad", "29:x", "X"), TenantId = "t", Kind = kind, Culture = T.English, TimeZone = TimeZoneInfo.Utc,
        Conversation = new ConversationRef("c", ConversationKind.Personal, "t", "http://s/", "b"),
    };

    [Theory]
    [InlineData("help", "help:")]
    [InlineData("  HELP   me  please ", "help:me please")]
    [InlineData("helpful", "fallback:helpful")]
    [InlineData("log visit Acme Ltd", "visit:Acme Ltd")]
    [InlineData("log something", "log:something")]
    [InlineData("拜访华为", "visit:华为")]
    [InlineData("拜访 华为", "visit:华为")]
    [InlineData("帮助", "help:")]
    [InlineData("visited Acme today", "fallback:visited Acme today")]
    public async Task Commands_match_on_whole_words_longest_first(string text, string expected) => Assert.Equal(expected, await Route(text));

    [Fact]
    public async Task Card_verbs_route_by_verb_and_unknown_verbs_reach_the_stale_card_handler()
    {
        var router = Table();
        var save = TurnFor(TurnKind.CardAction) with { Verb = "visit.save", Data = new JsonObject { ["id"] = "42" } };
        var old = TurnFor(TurnKind.CardAction) with { Verb = "visit.v0.save" };
        Assert.Equal("saved:42", (await router.RouteAsync(save, NoServices, default)).Messages.Single().Text);
        Assert.Equal("stale:visit.v0.save", (await router.RouteAsync(old, NoServices, default)).Messages.Single().Text);
    }

    [Fact]
    public async Task A_search_for_a_dataset_no_route_knows_answers_no_choices()
    {
        var reply = await Table().RouteAsync(TurnFor(TurnKind.Search) with { Verb = "customers" }, NoServices, default);
        Assert.Empty(reply.Choices!);
    }

    [Fact]
    public void A_handler_that_returns_something_else_is_refused_at_start_up() =>
        Assert.Throws<ArgumentException>(() => new Router().Command(["x"], (Turn t) => "not a reply"));

    [Fact]
    public async Task Handler_parameters_other_than_turn_come_from_the_services()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        var router = new Router();
        router.Command(["now"], (Turn t, TimeProvider clock, CancellationToken ct) => Reply.Text(clock == TimeProvider.System ? "system" : "other"));
        var reply = await router.RouteAsync(TurnFor(TurnKind.Message) with { Text = "now" }, services.BuildServiceProvider(), default);
        Assert.Equal("system", reply.Messages.Single().Text);
    }
}
