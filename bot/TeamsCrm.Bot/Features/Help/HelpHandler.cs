using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Help;

/// <summary>Help, the welcome and "not understood": they say how the bot works and nothing of the archive, so they are for everyone.</summary>
public static class HelpHandler
{
    /// <summary>
    /// The help card never changes for a language and a command table, and building it was most of a `help` turn's
    /// allocations (the benchmark's ceiling table): built once per language, per router. A message only serialises its card,
    /// so the same instance is sent each time; a replacement is placed inside the invoke's answer, so it gets a copy.
    /// </summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<CommandRoute>,
        System.Collections.Concurrent.ConcurrentDictionary<string, System.Text.Json.Nodes.JsonObject>> Overviews = new();

    static System.Text.Json.Nodes.JsonObject Overview(Turn turn, Router router) =>
        Overviews.GetOrCreateValue(router.Commands).GetOrAdd(turn.Culture.Name, _ => HelpCards.Overview(turn.Culture, router.Commands));

    public static Reply Show(Turn turn, Router router) => Reply.Card(Overview(turn, router)).ForEveryone();

    /// <summary>"Back" on a topic card, or "Show help" on the welcome card: the card becomes the help card.</summary>
    public static Reply ShowAsCard(Turn turn, Router router) => Reply.ReplaceCard((System.Text.Json.Nodes.JsonObject)Overview(turn, router).DeepClone()).ForEveryone();

    public static Reply Topic(Turn turn)
    {
        var topic = turn.DataString("topic");
        return (HelpTopics.IsKnown(topic)
            ? Reply.ReplaceCard(HelpCards.Topic(turn.Culture, topic!))
            : Reply.Text(T.Get(turn.Culture, "help.unknownTopic"))).ForEveryone();
    }

    public static Reply Welcome(Turn turn) => Reply.Card(HelpCards.Welcome(turn.Culture, turn.Conversation.Kind)).ForEveryone();

    public static Reply NotUnderstood(Turn turn) => (string.IsNullOrWhiteSpace(turn.Text)
        ? Reply.Text(T.Get(turn.Culture, "help.empty"))
        : Reply.Text(T.Get(turn.Culture, "help.notUnderstood", Shorten(turn.Text)))).ForEveryone();

    public static Reply StaleCard(Turn turn) => Reply.Text(T.Get(turn.Culture, "help.staleCard")).ForEveryone();

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
