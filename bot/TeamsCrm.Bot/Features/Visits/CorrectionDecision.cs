using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Who acts on which stored report, and whether they may correct it: the person from the authenticated activity, the
/// report from the archive (the card's number and id only name it), the rule from <see cref="VisitCorrectionAccess"/>.
/// </summary>
/// <param name="Refusal">Why not, in the actor's language; null when they may.</param>
/// <param name="RepName">The report's rep, as the directory names them.</param>
public sealed record CorrectionDecision(Person? Me, Visit? Visit, CorrectionRight Right, string? Refusal, string RepName)
{
    public bool May => Refusal is null;

    public static async Task<CorrectionDecision> MakeAsync(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock,
        VisitOptions options, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return new(me, null, CorrectionRight.NotYours, T.Get(c, "customers.mayNotQuery"), "");
        var visit = CustomerNumbers.Parse(turn.DataString("number")) is { } number && SubmissionIds.Parse(turn.DataString("visit")) is { } id
            ? await archive.Visits.GetAsync(number, id, ct) : null;
        if (visit is null) return new(me, null, CorrectionRight.NotYours, T.Get(c, "visits.correctNotFound"), "");

        var rep = await directory.FindAsync(visit.RepAadObjectId, ct);
        var leader = await directory.ManagerOfAsync(visit.RepAadObjectId, ct);
        var right = VisitCorrectionAccess.Of(me, visit, leader?.AadObjectId, clock.GetUtcNow(), options.CorrectionWindow);
        string? refusal = right switch
        {
            CorrectionRight.Own or CorrectionRight.Leader => null,
            CorrectionRight.Withdrawn => T.Get(c, "visits.correctWithdrawn"),
            CorrectionRight.TooLate => T.Get(c, "visits.correctTooLate", CorrectionCards.Days(options.CorrectionWindow), leader?.Name ?? T.Get(c, "visits.yourLeader")),
            _ => T.Get(c, "visits.correctNotYours"),
        };
        return new(me, visit, right, refusal, rep?.Name ?? "?");
    }
}
