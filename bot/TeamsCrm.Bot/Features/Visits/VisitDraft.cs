using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// What a note said before the customer is settled: form values keyed by <see cref="VisitForm.DraftFields"/>.
/// It travels in the data of the chooser's buttons, so a rep who picks the customer keeps what they typed.
/// </summary>
public static partial class VisitDraft
{
    public static IReadOnlyDictionary<string, string?> Empty { get; } = new Dictionary<string, string?>();

    public static IReadOnlyDictionary<string, string?> Of(VisitCapture capture) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [VisitForm.Date] = VisitText.Date(capture.VisitDate),
        [VisitForm.Method] = capture.Method?.ToString(),
        [VisitForm.ContactName] = capture.Contact,
        [VisitForm.Notes] = capture.Topic,
        [VisitForm.NextAction] = capture.NextAction,
        [VisitForm.NextActionDate] = capture.NextActionDate is { } due ? VisitText.Date(due) : null,
    };

    /// <summary>The draft a button carried back (only the draft's own keys, only text).</summary>
    public static IReadOnlyDictionary<string, string?> From(Turn turn) =>
        VisitForm.DraftFields.ToDictionary(key => key, turn.DataString, StringComparer.Ordinal);

    /// <summary>Button data: the customer (when chosen) and the draft.</summary>
    public static JsonObject Data(string? number, IReadOnlyDictionary<string, string?> draft)
    {
        var data = new JsonObject();
        if (number is not null) data["number"] = number;
        foreach (var (key, value) in draft)
            if (value is not null) data[key] = value;
        return data;
    }

    /// <summary>
    /// The contact on file a note means: the same name, one inside the other ("Wang" → "Wang Lei"), or for a
    /// Chinese surname with a title ("王经理", "李总") the only contact with that surname. Null when unsure.
    /// </summary>
    public static Contact? GuessContact(string? said, IReadOnlyList<Contact> contacts)
    {
        if (string.IsNullOrWhiteSpace(said)) return null;
        var name = Honorific().Replace(said.Trim(), "").Trim();
        var byName = contacts.Where(c => c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
            || (c.Name.Length >= 2 && name.Contains(c.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (byName.Count == 1) return byName[0];
        if (byName.Count > 1 || ChineseTitle().Match(name) is not { Success: true } titled) return null;
        var bySurname = contacts.Where(c => c.Name.StartsWith(titled.Groups["surname"].Value, StringComparison.Ordinal)).ToList();
        return bySurname.Count == 1 ? bySurname[0] : null;
    }

    [GeneratedRegex(@"^(mr|mrs|ms|miss|dr)\.?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    [GeneratedRegex("^(?<surname>\\p{IsCJKUnifiedIdeographs})(经理|总监|总|工|先生|女士|小姐|老师|主任|厂长|处长|科长|部长|老板|董)$")]
    private static partial Regex ChineseTitle();
}
