using Microsoft.Graph.Models;
using GraphList = Microsoft.Graph.Models.List;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>What a provisioning run did, one line per change, and what it found but will not change by itself.</summary>
public sealed record ProvisionReport(IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings);

/// <summary>
/// Makes the site hold every list of <see cref="SharePointLists"/> (the documents' library too) with its typed columns,
/// indexes and unique columns. Idempotent: lists are found by display name, and only what is missing is added (a list, a column, an
/// index, a unique or required flag), so a second run changes nothing. It never removes or retypes anything: a column
/// of another type is reported, for a person to decide. Needs Sites.Manage.All, or Sites.Selected with the manage role.
/// </summary>
public sealed class Provisioner(SharePointSite site)
{
    public async Task<ProvisionReport> RunAsync(CancellationToken ct = default)
    {
        var (changes, warnings) = (new List<string>(), new List<string>());
        var lists = site.Graph.Sites[site.SiteId].Lists;
        var existing = await site.ReadListIdsAsync(ct);

        foreach (var def in SharePointLists.All)
        {
            if (!existing.TryGetValue(def.Name, out var listId))
            {
                var created = await lists.PostAsync(new GraphList
                {
                    DisplayName = def.Name,
                    ListProp = new ListInfo { Template = def.Template },
                    Columns = [.. def.Columns.Select(Definition)],
                }, cancellationToken: ct);
                listId = created!.Id!;
                changes.Add($"created {(def.Library ? "document library" : "list")} '{def.Name}' with {def.Columns.Count} columns");
            }
            var columns = (await lists[listId].Columns.GetAsync(cancellationToken: ct))?.Value ?? [];
            foreach (var wanted in def.Columns.Prepend(def.Title))
            {
                var column = columns.FirstOrDefault(c => string.Equals(c.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
                if (column is null)
                {
                    await lists[listId].Columns.PostAsync(Definition(wanted), cancellationToken: ct);
                    changes.Add($"added column '{wanted.Name}' ({Describe(wanted)}) to '{def.Name}'");
                    continue;
                }
                if (KindOf(column) is { } kind && kind != wanted.Kind && !(kind == ColumnKind.DateTime && wanted.Kind == ColumnKind.DateOnly))
                    warnings.Add($"column '{wanted.Name}' of '{def.Name}' is {kind}, not {wanted.Kind}: change it by hand");
                await EnsureFlagsAsync(listId, def.Name, column, wanted, changes, ct);
            }
        }
        site.ForgetLists();   // the archive looks the lists up again, new ones included
        return new ProvisionReport(changes, warnings);
    }

    async Task EnsureFlagsAsync(string listId, string listName, ColumnDefinition column, ColumnDef wanted, List<string> changes, CancellationToken ct)
    {
        var patch = new ColumnDefinition();
        var what = new List<string>();
        if ((wanted.Indexed || wanted.Unique) && column.Indexed != true) { patch.Indexed = true; what.Add("indexed"); }
        if (wanted.Unique && column.EnforceUniqueValues != true) { patch.EnforceUniqueValues = true; what.Add("unique"); }
        if (wanted.Required && column.Required != true) { patch.Required = true; what.Add("required"); }
        if (what.Count == 0) return;
        await site.Graph.Sites[site.SiteId].Lists[listId].Columns[column.Id].PatchAsync(patch, cancellationToken: ct);
        changes.Add($"made column '{wanted.Name}' of '{listName}' {string.Join(" and ", what)}");
    }

    /// <summary>The Graph column definition: one type facet, with the index and unique flags (unique needs an index).</summary>
    static ColumnDefinition Definition(ColumnDef c)
    {
        var d = new ColumnDefinition
        {
            Name = c.Name, DisplayName = c.Name, Indexed = c.Indexed || c.Unique, EnforceUniqueValues = c.Unique, Required = c.Required,
        };
        switch (c.Kind)
        {
            case ColumnKind.Text: d.Text = new TextColumn { MaxLength = c.MaxLength, AllowMultipleLines = false }; break;
            case ColumnKind.Note: d.Text = new TextColumn { AllowMultipleLines = true }; break;
            case ColumnKind.Number: d.Number = new NumberColumn(); break;
            case ColumnKind.Currency: d.Currency = new CurrencyColumn(); break;
            case ColumnKind.DateTime: d.DateTime = new DateTimeColumn { Format = "dateTime" }; break;
            case ColumnKind.DateOnly: d.DateTime = new DateTimeColumn { Format = "dateOnly" }; break;
            case ColumnKind.Choice: d.Choice = new ChoiceColumn { Choices = [.. c.Choices ?? []], AllowTextEntry = false }; break;
            case ColumnKind.Boolean: d.Boolean = new BooleanColumn(); break;
        }
        return d;
    }

    static ColumnKind? KindOf(ColumnDefinition c) =>
        c.Text is { } t ? (t.AllowMultipleLines == true ? ColumnKind.Note : ColumnKind.Text)
        : c.Number is not null ? ColumnKind.Number
        : c.Currency is not null ? ColumnKind.Currency
        : c.DateTime is { } dt ? (dt.Format == "dateOnly" ? ColumnKind.DateOnly : ColumnKind.DateTime)
        : c.Choice is not null ? ColumnKind.Choice
        : c.Boolean is not null ? ColumnKind.Boolean
        : null;

    static string Describe(ColumnDef c) =>
        string.Join(", ", new[] { c.Kind.ToString(), c.Indexed || c.Unique ? "indexed" : null, c.Unique ? "unique" : null }.OfType<string>());
}
