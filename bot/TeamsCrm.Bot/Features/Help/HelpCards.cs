using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Help;

public static class HelpCards
{
    /// <summary>The commands from the routes table, each with its spelling in the user's language first.</summary>
    public static JsonObject Overview(CultureInfo c, IEnumerable<CommandRoute> commands)
    {
        var card = Card.Create()
            .Title(T.Get(c, "help.title"))
            .Text(T.Get(c, "help.intro"))
            .Heading(T.Get(c, "help.commands"))
            .Facts(commands.Where(r => r.Listed).Select(r => (Spelling(c, r.Words), T.Get(c, "command." + r.Words[0].Replace(' ', '_')))))
            .Heading(T.Get(c, "help.topics"));
        foreach (var topic in HelpTopics.All)
            card.Execute(T.Get(c, $"topic.{topic}.title"), "help.topic", new JsonObject { ["topic"] = topic });
        return card.Build();
    }

    public static JsonObject Topic(CultureInfo c, string topic) => Card.Create()
        .Title(T.Get(c, $"topic.{topic}.title"))
        .Text(T.Get(c, $"topic.{topic}.body"))
        .Text(T.Get(c, "topic.comingSoon"), subtle: true)
        .Execute(T.Get(c, "help.back"), "help.show")
        .Build();

    public static JsonObject Welcome(CultureInfo c, ConversationKind where) => Card.Create()
        .Title(T.Get(c, "welcome.title"))
        .Text(T.Get(c, "welcome.intro"))
        .Text(T.Get(c, where == ConversationKind.Personal ? "welcome.personal" : "welcome.team"))
        .Execute(T.Get(c, "welcome.showHelp"), "help.show")
        .Build();

    /// <summary>"帮助 · help" for a Chinese reader, "help · 帮助" for an English one.</summary>
    static string Spelling(CultureInfo c, string[] words)
    {
        var chinese = words.Where(w => w.Any(ch => ch > 0x2E7F)).ToList();
        var latin = words.Where(w => w.All(ch => ch <= 0x2E7F) && w.Any(char.IsLetter)).Take(1).ToList();
        var ordered = c.Name.StartsWith("zh", StringComparison.Ordinal) ? chinese.Concat(latin) : latin.Concat(chinese);
        return string.Join(" · ", ordered);
    }
}
