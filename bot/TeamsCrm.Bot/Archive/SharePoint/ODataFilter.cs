namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// $filter clauses on list item fields. A value is always a quoted literal with its single quotes doubled
/// (O'Brien → 'O''Brien'), so user text can never end the literal and add a clause of its own; column names come
/// from <see cref="SharePointLists"/>, never from users. Each clause names one column: the archive filters on one
/// indexed column per query, because SharePoint uses one index per query.
/// </summary>
public static class ODataFilter
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Eq(string column, string value) => $"fields/{column} eq {Literal(value)}";

    public static string StartsWith(string column, string prefix) => $"startswith(fields/{column},{Literal(prefix)})";

    /// <summary>A dateTime column at or before <paramref name="time"/> (to the second, as SharePoint keeps it); empty values never match.</summary>
    public static string AtOrBefore(string column, DateTimeOffset time) => $"fields/{column} le {Literal((string)ItemFields.Wire(time)!)}";
    public static string AtOrAfter(string column, DateTimeOffset time) => $"fields/{column} ge {Literal((string)ItemFields.Wire(time)!)}";
}
