namespace TeamsCrm.Bot.Turns;

/// <summary>
/// The audience rule (<see cref="Access.Audience"/>) applied to every reply: in a personal chat everything goes to its
/// one person; in a group chat or channel only what a handler made for everyone there is posted, and the rest, made for
/// the person who acted, goes to their 1:1 chat. A handler that forgets to choose shows nothing to the others.
/// </summary>
public static class ReplyAudience
{
    public static bool MayShowHere(ConversationKind kind, bool forEveryone) => kind == ConversationKind.Personal || forEveryone;

    public static (IReadOnlyList<OutgoingMessage> Here, IReadOnlyList<OutgoingMessage> Privately) Split(ConversationKind kind,
        IReadOnlyList<OutgoingMessage> messages)
    {
        if (kind == ConversationKind.Personal) return (messages, []);
        return ([.. messages.Where(m => m.ForEveryone)], [.. messages.Where(m => !m.ForEveryone)]);
    }
}
