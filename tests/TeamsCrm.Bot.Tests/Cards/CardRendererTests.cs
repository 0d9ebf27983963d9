using System.Reflection;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>Every card the bot can send goes through the official Adaptive Cards renderer (one Node run for all).</summary>
public sealed class CardRendererTests(CardRendererTests.Verdicts verdicts) : IClassFixture<CardRendererTests.Verdicts>
{
    public sealed class Verdicts : IAsyncLifetime
    {
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Problems { get; private set; } = null!;
        public async Task InitializeAsync() => Problems = await OfficialCardRenderer.ValidateAsync(CardCatalog.All().Select(c => (c.Name, c.Card)));
        public Task DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string> Names => [.. CardCatalog.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_passes_the_official_renderer(string name) => Assert.Empty(verdicts.Problems[name]);

    [Fact]
    public async Task The_renderer_check_does_catch_a_broken_card()
    {
        var broken = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"Input.Text","id":"x","isRequired":true}],
             "actions":[{"type":"Action.Execute","title":"Go"},{"type":"Action.Submit","title":"A","id":"d"},{"type":"Action.Submit","title":"B","id":"d"}]}
            """)!.AsObject();
        var problems = (await OfficialCardRenderer.ValidateAsync([("broken", broken)]))["broken"];
        Assert.Contains(problems, p => p.Contains("1.5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no verb", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RequiredInputsShouldHaveLabel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DuplicateId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_teams_chart_passes_only_with_a_fallback_element()
    {
        static JsonObject With(string fallback) => JsonNode.Parse(
            "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"Chart.Donut\",\"title\":\"t\",\"data\":[{\"legend\":\"a\",\"value\":1}]" + fallback + "}]}")!.AsObject();
        var problems = await OfficialCardRenderer.ValidateAsync([
            ("none", With("")), ("drop", With(",\"fallback\":\"drop\"")), ("table", With(",\"fallback\":{\"type\":\"TextBlock\",\"text\":\"a: 1\"}")),
            ("bad-fallback", With(",\"fallback\":{\"type\":\"Input.Text\",\"id\":\"x\",\"isRequired\":true}")),
        ]);
        Assert.Contains(problems["none"], p => p.Contains("Chart.Donut", StringComparison.Ordinal));
        Assert.Contains(problems["drop"], p => p.Contains("Chart.Donut", StringComparison.Ordinal));
        Assert.Empty(problems["table"]);
        Assert.NotEmpty(problems["bad-fallback"]);   // the fallback itself is checked like any element
    }

    [Fact]
    public void Every_card_builder_is_in_the_catalog()
    {
        var builders = typeof(TeamsCrm.Bot.Program).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Cards", StringComparison.Ordinal) && t.Namespace!.Contains(".Features.", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(JsonObject)).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        Assert.NotEmpty(builders);
        Assert.Subset(CardCatalog.All().Select(c => c.Builder).ToHashSet(), builders);
    }
}
