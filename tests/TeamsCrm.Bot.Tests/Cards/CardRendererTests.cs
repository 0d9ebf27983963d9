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
    public async Task An_unknown_element_passes_only_with_a_fallback()
    {
        static JsonObject With(string chart) => JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[""" + chart + "]}")!.AsObject();
        var problems = await OfficialCardRenderer.ValidateAsync([
            ("with", With("""{"type":"Chart.Donut","data":[],"fallback":{"type":"TextBlock","text":"3 of 5"}}""")),
            ("without", With("""{"type":"Chart.Donut","data":[]}""")),
            ("bad-fallback", With("""{"type":"Chart.Donut","data":[],"fallback":{"type":"Input.Text","id":"x","isRequired":true}}""")),
        ]);
        Assert.Empty(problems["with"]);
        Assert.Contains(problems["without"], p => p.StartsWith("UnknownElementType", StringComparison.Ordinal));
        Assert.Contains(problems["bad-fallback"], p => p.StartsWith("RequiredInputsShouldHaveLabel", StringComparison.Ordinal));
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
