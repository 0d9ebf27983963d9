using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Help;

public static class HelpHandler
{
    public static Reply Show(Turn turn, Router router) => Reply.Card(HelpCards.Overview(turn.Culture, router.Commands));

    /// <summary>"Back" on a topic card, or "Show help" on the welcome card: the card becomes the help card.</summary>
    public static Reply ShowAsCard(Turn turn, Router router) => Reply.ReplaceCard(HelpCards.Overview(turn.Culture, router.Commands));

    public static Reply Topic(Turn turn)
    {
        var topic = turn.DataString("topic");
        return HelpTopics.IsKnown(topic)
            ? Reply.ReplaceCard(HelpCards.Topic(turn.Culture, topic!))
            : Reply.Text(T.Get(turn.Culture, "help.unknownTopic"));
    }

    public static Reply Welcome(Turn turn) => Reply.Card(HelpCards.Welcome(turn.Culture, turn.Conversation.Kind));

    public static Reply NotUnderstood(Turn turn) => string.IsNullOrWhiteSpace(turn.Text)
        ? Reply.Text(T.Get(turn.Culture, "help.empty"))
        : Reply.Text(T.Get(turn.Culture, "help.notUnderstood", Shorten(turn.Text)));

    public static Reply StaleCard(Turn turn) => Reply.Text(T.Get(turn.Culture, "help.staleCard"));

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
