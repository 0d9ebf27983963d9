namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>How a customer matched: typed number, same name, name starts with it, name contains it (or the other way round), or a near spelling.</summary>
public enum MatchKind { Number, Exact, Prefix, Contains, Similar }

/// <summary>A customer the text may mean, with a confidence between 0 and 1 for ranking and display.</summary>
public sealed record CustomerMatch(string Number, string Name, MatchKind Kind, double Confidence);

/// <summary>
/// What the handler should do: nothing matched; sure (one exact match — use it); confirm (one plausible
/// candidate — ask "did you mean …?"); choose (two or more close candidates — show them all).
/// </summary>
public enum MatchVerdict { None, Sure, Confirm, Choose }

public sealed record CustomerMatches(IReadOnlyList<CustomerMatch> Ranked, MatchVerdict Verdict)
{
    /// <summary>The customer to use without asking; only for <see cref="MatchVerdict.Sure"/>.</summary>
    public CustomerMatch? Sure => Verdict == MatchVerdict.Sure ? Ranked[0] : null;
}

/// <summary>
/// Fuzzy lookup of a customer mention ("Acme", "华为") among the customers the user may see. It ranks, it does
/// not guess: only a single exact match (by number or normalised name) is <see cref="MatchVerdict.Sure"/>.
/// Ranking: exact &gt; prefix &gt; contains &gt; small edit distance (Latin names only; for Chinese a typo is
/// usually a different word). Chinese names match by containment either way (华为 ↔ 华为技术有限公司).
/// </summary>
public static class CustomerMatcher
{
    /// <summary>Candidates within this confidence of the best one are "close": the user must choose between them.</summary>
    public const double CloseMargin = 0.2;

    public static CustomerMatches Match(string candidate, IEnumerable<(string Number, string Name)> customers, int max = 5) =>
        Match(candidate, customers.Select(c => (c.Number, c.Name, (IReadOnlyList<string>)[])), max);

    /// <summary>As above, where a customer also answers to its aliases (short or former names): its best-scoring name counts, and the match shows its file name.</summary>
    public static CustomerMatches Match(string candidate, IEnumerable<(string Number, string Name, IReadOnlyList<string> Aliases)> customers, int max = 5)
    {
        var key = CompanyNameKey.Of(candidate);
        var number = candidate.Trim();
        if (key.Length == 0) return new([], MatchVerdict.None);

        var ranked = customers
            .Select(c => c.Aliases.Prepend(c.Name)
                .Select(n => Score(key, number, c.Number, n)).OfType<CustomerMatch>()
                .OrderByDescending(m => m.Confidence).ThenBy(m => m.Kind).FirstOrDefault() is { } best ? best with { Name = c.Name } : null)
            .OfType<CustomerMatch>()
            .OrderByDescending(m => m.Confidence).ThenBy(m => m.Kind).ThenBy(m => m.Name.Length).ThenBy(m => m.Number, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0) return new([], MatchVerdict.None);

        var exact = ranked.Count(m => m.Kind is MatchKind.Number or MatchKind.Exact);
        var close = ranked.Count(m => m.Confidence >= ranked[0].Confidence - CloseMargin);
        var verdict = exact == 1 ? MatchVerdict.Sure
            : exact > 1 || close > 1 ? MatchVerdict.Choose
            : MatchVerdict.Confirm;
        return new(ranked.Take(Math.Max(max, exact)).ToList(), verdict);
    }

    static CustomerMatch? Score(string key, string typed, string number, string name)
    {
        if (string.Equals(typed, number, StringComparison.OrdinalIgnoreCase)) return new(number, name, MatchKind.Number, 1.0);
        var nameKey = CompanyNameKey.Of(name);
        if (nameKey.Length == 0) return null;
        if (key == nameKey) return new(number, name, MatchKind.Exact, 1.0);

        var han = TextFold.HasHan(key) || TextFold.HasHan(nameKey);
        // One Chinese character or two Latin letters say too little to be "in" a name.
        var minInside = han ? 2 : 3;
        if (key.Length >= 2 && nameKey.StartsWith(key, StringComparison.Ordinal))
            return new(number, name, MatchKind.Prefix, 0.75 + 0.2 * key.Length / nameKey.Length);
        if (key.Length >= minInside && nameKey.Contains(key, StringComparison.Ordinal))
            return new(number, name, MatchKind.Contains, 0.55 + 0.2 * key.Length / nameKey.Length);
        if (nameKey.Length >= minInside && key.Contains(nameKey, StringComparison.Ordinal))
            return new(number, name, MatchKind.Contains, 0.55 + 0.2 * nameKey.Length / key.Length);
        if (han || key.Length < 4) return null;

        // Typos: one edit in short names, two in longer ones; a typo in the start of a longer name ranks lower.
        var allowed = key.Length <= 5 ? 1 : 2;
        var whole = EditDistance.Osa(key, nameKey, allowed);
        if (whole <= allowed) return new(number, name, MatchKind.Similar, 0.5 - 0.1 * (whole - 1));
        if (nameKey.Length > key.Length && EditDistance.Osa(key, nameKey[..key.Length], allowed) is var start && start <= allowed)
            return new(number, name, MatchKind.Similar, 0.4 - 0.1 * (start - 1));
        return null;
    }
}

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours ("Acem").</summary>
static class EditDistance
{
    /// <summary>The distance, or any value above <paramref name="limit"/> once it is certain to exceed it.</summary>
    public static int Osa(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}
