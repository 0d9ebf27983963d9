using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Help;

/// <summary>Help, the welcome and "not understood": they say how the bot works and nothing of the archive, so they are for everyone.</summary>
public static class HelpHandler
{
    public static Reply Show(Turn turn, Router router) => Reply.Card(HelpCards.Overview(turn.Culture, router.Commands)).ForEveryone();

    /// <summary>"Back" on a topic card, or "Show help" on the welcome card: the card becomes the help card.</summary>
    public static Reply ShowAsCard(Turn turn, Router router) => Reply.ReplaceCard(HelpCards.Overview(turn.Culture, router.Commands)).ForEveryone();

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
