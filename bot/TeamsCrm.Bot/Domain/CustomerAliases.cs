namespace TeamsCrm.Bot.Domain;

/// <summary>
/// The other names a customer goes by — short names ("华东" for 华东精密机械有限公司), former names, the Chinese name of a
/// file kept in English. Find, the duplicate check and quick capture match them as they match the name. A file keeps
/// them as one text ("华东精密; 华东机械"), so a change to them is one before → after in the history like any field.
/// </summary>
public static class CustomerAliases
{
    /// <summary>A file carries at most this many: each one is an indexed column in SharePoint.</summary>
    public const int Max = 3;
    public const int MaxLength = 100;

    /// <summary>What separates them as typed: ; , 、 ， ； or a new line.</summary>
    static readonly char[] Separators = [';', ',', '、', '，', '；', '\n', '\r'];

    /// <summary>The names in the text, trimmed, without repeats (by normal form) and without ones that are only punctuation.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(a => CustomerNames.Normalize(a).Length > 0)
            .DistinctBy(CustomerNames.Normalize)];

    /// <summary>The one text a file keeps: the names joined by "; ", null when there are none.</summary>
    public static string? Join(IEnumerable<string> aliases) => aliases.Any() ? string.Join("; ", aliases) : null;

    /// <summary>The <paramref name="index"/>-th alias's normal form (what the finders compare), null past the last.</summary>
    public static string? Normalized(string? text, int index) =>
        Split(text) is var all && index < all.Count ? CustomerNames.Normalize(all[index]) : null;

    /// <summary>The name and every alias in normal form: the file answers to each.</summary>
    public static IEnumerable<string> NormalizedNames(Customer c) =>
        [CustomerNames.Normalize(c.Name), .. Split(c.Aliases).Select(CustomerNames.Normalize)];
}
