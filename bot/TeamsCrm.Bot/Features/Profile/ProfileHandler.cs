using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Profile;

/// <summary>"whoami": what the directory says about the authenticated user — the roles every decision uses.</summary>
public static class ProfileHandler
{
    public static async Task<Reply> Show(Turn turn, IDirectory directory, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null) return Reply.Card(ProfileCards.Unknown(turn.Culture, turn.User));
        var manager = await directory.ManagerOfAsync(me.AadObjectId, ct);
        var reports = await directory.ReportsOfAsync(me.AadObjectId, ct);
        return Reply.Card(ProfileCards.Profile(turn.Culture, me, manager, reports));
    }
}
