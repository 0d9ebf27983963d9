namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// Problem codes per form field. Codes, not sentences: the card maps each code to localised text beside its
/// field (strings like "visit.problem.required"), so the rules stay free of languages.
/// </summary>
public static class ProblemCodes
{
    public const string Required = "required";
    /// <summary>Not one of the allowed values (card data can carry anything).</summary>
    public const string Invalid = "invalid";
    /// <summary>Given where it must be empty, e.g. a reason on a successful visit.</summary>
    public const string NotAllowed = "notAllowed";
    public const string TooLong = "tooLong";
    public const string Negative = "negative";
    public const string OverCollected = "overCollected";
    public const string BeforeVisit = "beforeVisit";
    public const string InFuture = "inFuture";
    public const string UnknownZone = "unknownZone";
    public const string OutsideWeek = "outsideWeek";
    public const string Empty = "empty";
}

/// <summary>Field → problem codes, in the order found. Empty means valid.</summary>
public sealed class FieldProblems
{
    readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public void Add(string field, string code)
    {
        if (!_byField.TryGetValue(field, out var codes)) _byField[field] = codes = [];
        if (!codes.Contains(code)) codes.Add(code);
    }

    public bool IsValid => _byField.Count == 0;
    public int Count => _byField.Count;
    public IReadOnlyCollection<string> Fields => _byField.Keys;
    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var codes) ? codes : [];
    public bool Has(string field, string code) => For(field).Contains(code);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToDictionary() =>
        _byField.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);

    public override string ToString() => string.Join("; ", _byField.Select(kv => $"{kv.Key}: {string.Join(",", kv.Value)}"));
}
