using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using static TeamsCrm.Bot.Tests.Cards.VisitSamples;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The correction cards of <see cref="CardCatalog"/>: the form prefilled and refused, the list, the results, the rep's note.</summary>
public static class CorrectionCatalog
{
    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var visit = Visit(3, VisitResult.NotYet) with { Revision = 1 };
        var corrected = visit with { Result = VisitResult.Successful, Reason = null, Revision = 2, Notes = new string('n', 4000) };
        var correction = new VisitCorrection
        {
            VisitId = visit.Id, SubmissionId = "s", ByAadObjectId = "b", At = visit.CreatedAt, Reason = new string('r', 1000), Revision = 1,
            Changes = VisitCorrections.Changes(visit, corrected with { Time = visit.Time.AddHours(-26), Collection = new Collection(1200m, 600m) }),
        };
        var withdrawal = correction with { Kind = CorrectionKind.Withdrawn, Changes = [], Reason = "Logged twice" };
        yield return ($"visit.correct.form.{l}", "VisitCards.Form", VisitCards.Form(c, Options(), VisitForm.Of(visit, []), null, correcting: visit));
        yield return ($"visit.correct.form.leader.{l}", "VisitCards.Form", VisitCards.Form(c, Options(contacts: 40), VisitForm.Of(visit, []),
            T.Get(c, "visits.correctAsLeader", "Li Na"), correcting: visit));
        yield return ($"visit.correct.form.refused.{l}", "VisitCards.Form", VisitCards.Form(c, Options(), Refused(c), null, correcting: visit));
        yield return ($"visit.correct.list.{l}", "CorrectionCards.List", CorrectionCards.List(c,
            [.. Enumerable.Range(1, CorrectionCards.Listed).Select(i => Visit(i, textLength: 300))], TimeSpan.FromDays(7)));
        yield return ($"visit.correct.done.{l}", "CorrectionCards.Done", CorrectionCards.Done(c, corrected, correction, again: false));
        yield return ($"visit.correct.withdrawn-again.{l}", "CorrectionCards.Done", CorrectionCards.Done(c, visit, withdrawal, again: true));
        yield return ($"visit.correct.told.{l}", "CorrectionCards.Told", CorrectionCards.Told(c, corrected, correction, "Zhang Wei"));
        yield return ($"visit.correct.told-withdrawn.{l}", "CorrectionCards.Told", CorrectionCards.Told(c, visit, withdrawal, "Zhang Wei"));
        yield return ($"visit.correct.refused.{l}", "CorrectionCards.Refused", CorrectionCards.Refused(c, T.Get(c, "visits.correctTooLate", "7", "Zhang Wei")));
    }
}
