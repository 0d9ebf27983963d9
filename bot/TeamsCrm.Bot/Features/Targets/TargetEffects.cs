using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Targets;

/// <summary>
/// A TargetChange request and its effect. The request's subject is the month ("targets:2026-03"); each rep's change is a
/// <see cref="FieldChange"/> whose field is "target:{rep id}:{name}" (the name only for people to read, the id for the
/// effect) with the amounts as invariant text ("" or null = no target). Approved: the amounts are applied if every rep's
/// target still holds its "before" value — otherwise nothing applies (a stale "after" must not overwrite a newer
/// target) and the request says so; rejected or cancelled: nothing. Running it again changes nothing: a sheet that
/// already holds every "after" value is done.
/// </summary>
public static class TargetEffects
{
    const string SubjectPrefix = "targets:", FieldPrefix = "target:";
    const int Attempts = 5;

    public static bool IsAbout(Approval a) => a.Kind == ApprovalKind.TargetChange;

    public static string Subject(YearMonth month) => SubjectPrefix + month;

    public static FieldChange Change(TargetChange ch, string repName) => new($"{FieldPrefix}{ch.RepAadObjectId}:{repName}", Amount(ch.Old), Amount(ch.New));

    public static bool IsTargetField(string field) => field.StartsWith(FieldPrefix, StringComparison.Ordinal);

    /// <summary>The rep's name a change field carries, for the request card.</summary>
    public static string RepNameOf(string field) => field.Split(':', 3) is [_, _, var name] ? name : "?";

    /// <returns>True when an approved change did not apply because a target had changed meanwhile.</returns>
    public static async Task<bool> ApplyDecisionAsync(Approval a, ISalesTargets targets, DateTimeOffset now, CancellationToken ct)
    {
        if (!IsAbout(a) || a.Status != ApprovalStatus.Approved || MonthOf(a.Subject) is not { } month) return false;
        var changes = (a.Payload.Changes ?? []).Where(c => IsTargetField(c.Field))
            .Select(c => new TargetChange(c.Field.Split(':', 3)[1], ParseAmount(c.Old), ParseAmount(c.New))).ToList();
        if (changes.Count == 0) return false;
        for (var attempt = 1; ; attempt++)
        {
            var sheet = await targets.GetAsync(month, ct) ?? TargetSheet.Empty(month);
            if (changes.All(c => sheet.TargetOf(c.RepAadObjectId) == c.New)) return false;      // applied before
            if (changes.Any(c => sheet.TargetOf(c.RepAadObjectId) != c.Old)) return true;       // changed meanwhile
            try
            {
                await targets.SaveAsync(sheet.With(changes.Select(c => KeyValuePair.Create(c.RepAadObjectId, c.New)), a.RequesterAadObjectId, now, a.Id), ct);
                return false;
            }
            catch (TargetConflictException) when (attempt < Attempts)
            {
                // Someone saved the month meanwhile: read it again and check the "before" values against what is there now.
            }
        }
    }

    public static YearMonth? MonthOf(string subject) =>
        subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) && DateOnly.TryParseExact(subject[SubjectPrefix.Length..] + "-01", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? YearMonth.Of(first) : null;

    static string? Amount(decimal? a) => a?.ToString(CultureInfo.InvariantCulture);

    public static decimal? ParseAmount(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
}
