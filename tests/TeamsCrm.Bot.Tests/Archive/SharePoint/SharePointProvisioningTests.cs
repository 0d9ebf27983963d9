using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.FakeGraph;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

public sealed class SharePointProvisioningTests
{
    static long SchemaWrites(FakeGraphServer s) => s.Counters[RouteKind.CreateList] + s.Counters[RouteKind.CreateColumn] + s.Counters[RouteKind.UpdateColumn];

    [Fact]
    public async Task The_first_run_creates_every_list_with_typed_indexed_and_unique_columns()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);

        var report = await new Provisioner(sp.Site).RunAsync();

        Assert.Equal(SharePointLists.All.Select(l => $"created {(l.Library ? "document library" : "list")} '{l.Name}' with {l.Columns.Count} columns"),
            report.Changes.Where(c => c.StartsWith("created", StringComparison.Ordinal)));
        Assert.Empty(report.Warnings);
        var customers = sp.List(SharePointLists.Customers);
        var number = customers.Column("Number")!;
        Assert.True(number is { Type: ColumnType.Text, Indexed: true, EnforceUniqueValues: true, Required: true, MaxLength: 20 });
        foreach (var indexed in new[] { "NormalizedName", "NormalizedPhone", "NormalizedCreditCode", "Owner", "FileStatus" })
            Assert.True(customers.Column(indexed)!.Indexed, indexed);
        Assert.Equal(ColumnType.Currency, customers.Column("CreditLimit")!.Type);
        Assert.Equal(ColumnType.Choice, customers.Column("Kind")!.Type);
        Assert.True(customers.Column("Address")!.AllowMultipleLines);
        Assert.Equal("dateOnly", sp.List(SharePointLists.ArchiveEntries).Column("EntryDate")!.DateFormat);
        Assert.Equal(ColumnType.Boolean, sp.List(SharePointLists.AccessLog).Column("FullFile")!.Type);
        Assert.Equal(ColumnType.Number, sp.List(SharePointLists.NumberCounters).Column("LastNumber")!.Type);
        foreach (var keyed in new[] { SharePointLists.ArchiveEntries, SharePointLists.AccessGrants, SharePointLists.Submissions,
                     SharePointLists.NumberCounters, SharePointLists.Conversations, SharePointLists.Users })
            Assert.True(sp.List(keyed).Column("Title") is { Indexed: true, EnforceUniqueValues: true }, keyed.Name);
        foreach (var records in new[] { SharePointLists.Contacts, SharePointLists.ArchiveEntries, SharePointLists.ChangeRecords,
                     SharePointLists.AccessGrants, SharePointLists.AccessLog })
            Assert.True(sp.List(records).Column(SharePointLists.CustomerNumber)!.Indexed, records.Name);
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_says_so()
    {
        await using var sp = await FakeSharePoint.StartAsync();   // provisioned once already
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await ProvisionCommand.RunAsync(
            ["--Archive:SharePoint:SiteId=" + FakeSharePoint.SiteId, "--Archive:SharePoint:GraphBaseUrl=" + sp.Server.BaseUrl], output, errors);

        Assert.Equal(0, exit);
        Assert.Contains($"No changes: all {SharePointLists.All.Count} lists and their columns are in place.", output.ToString());
        Assert.Equal("", errors.ToString());
        Assert.Equal(0, SchemaWrites(sp.Server));
    }

    [Fact]
    public async Task A_missing_column_a_dropped_index_and_a_missing_list_are_added_again()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);
        // Made by hand before: a Contacts list with only a plain CustomerNumber column.
        sp.Server.State.Site(FakeSharePoint.SiteId).CreateList("TeamsCrm Contacts",
            [new FakeColumn { Name = SharePointLists.CustomerNumber, Type = ColumnType.Text, MaxLength = 20 }]);
        await new Provisioner(sp.Site).RunAsync();
        sp.List(SharePointLists.Customers).UpdateColumn("NormalizedName", new FakeList.ColumnChange(Indexed: false));
        sp.Server.ResetCounters();

        var output = new StringWriter();
        var exit = await ProvisionCommand.RunAsync(
            ["--Archive:SharePoint:SiteId=" + FakeSharePoint.SiteId, "--Archive:SharePoint:GraphBaseUrl=" + sp.Server.BaseUrl], output, TextWriter.Null);
        var again = await new Provisioner(sp.Site).RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("+ made column 'NormalizedName' of 'TeamsCrm Customers' indexed", output.ToString());
        Assert.Contains("1 change(s) made", output.ToString());
        Assert.True(sp.List(SharePointLists.Customers).Column("NormalizedName")!.Indexed);
        Assert.True(sp.List(SharePointLists.Contacts).Column(SharePointLists.CustomerNumber) is { Indexed: true, Required: true });
        Assert.NotNull(sp.List(SharePointLists.Contacts).Column("JobTitle"));
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task A_site_provisioned_before_the_visit_log_gets_its_three_lists_and_the_edit_version_once()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);
        // What an earlier run left (one column is enough to show it): Customers without EditVersion, no visit lists.
        sp.Server.State.Site(FakeSharePoint.SiteId).CreateList("TeamsCrm Customers",
            [new FakeColumn { Name = "Number", Type = ColumnType.Text, MaxLength = 20, Indexed = true, EnforceUniqueValues = true, Required = true }]);

        var report = await new Provisioner(sp.Site).RunAsync();
        var again = await new Provisioner(sp.Site).RunAsync();

        Assert.Contains("added column 'EditVersion' (Number) to 'TeamsCrm Customers'", report.Changes);
        foreach (var list in new[] { SharePointLists.Visits, SharePointLists.FollowUps, SharePointLists.VisitPlans })
            Assert.Contains($"created list '{list.Name}' with {list.Columns.Count} columns", report.Changes);
        Assert.Empty(again.Changes);
        var visits = sp.List(SharePointLists.Visits);
        Assert.True(visits.Column("SubmissionId") is { Indexed: true, EnforceUniqueValues: true, Required: true });
        foreach (var indexed in new[] { "RepDate", SharePointLists.CustomerNumber, "LocalDate" })
            Assert.True(visits.Column(indexed) is { Indexed: true, EnforceUniqueValues: false }, indexed);
        Assert.True(visits.Column("Notes") is { AllowMultipleLines: true, Indexed: false });
        Assert.True(sp.List(SharePointLists.FollowUps).Column("Title") is { Indexed: true, EnforceUniqueValues: true });
        Assert.True(sp.List(SharePointLists.FollowUps).Column("Due")!.Indexed);
        var plans = sp.List(SharePointLists.VisitPlans);
        Assert.True(plans.Column("RepWeek") is { Indexed: true, EnforceUniqueValues: true });
        Assert.True(plans.Column("Week")!.Indexed);
        Assert.True(plans.Column("Items") is { AllowMultipleLines: true, Indexed: false });
    }

    [Fact]
    public async Task A_site_provisioned_before_decisions_kept_their_steps_gets_the_two_columns_once()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);
        // An Approvals list from before: one column is enough to show it.
        sp.Server.State.Site(FakeSharePoint.SiteId).CreateList(SharePointLists.Approvals.Name,
            [new FakeColumn { Name = "RequestKey", Type = ColumnType.Text, Indexed = true, EnforceUniqueValues = true, Required = true }]);

        var report = await new Provisioner(sp.Site).RunAsync();
        var again = await new Provisioner(sp.Site).RunAsync();

        Assert.Contains($"added column 'FinishSteps' (Note) to '{SharePointLists.Approvals.Name}'", report.Changes);
        Assert.Contains($"added column 'FinishDueAt' (DateTime, indexed) to '{SharePointLists.Approvals.Name}'", report.Changes);
        Assert.Empty(again.Changes);
        var approvals = sp.List(SharePointLists.Approvals);
        Assert.True(approvals.Column("FinishDueAt") is { Type: ColumnType.DateTime, Indexed: true, Required: false });
        Assert.True(approvals.Column("FinishSteps") is { AllowMultipleLines: true, Indexed: false });
    }

    [Fact]
    public async Task The_first_run_on_a_hand_made_list_adds_its_missing_columns_and_flags()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);
        sp.Server.State.Site(FakeSharePoint.SiteId).CreateList("TeamsCrm Contacts",
            [new FakeColumn { Name = SharePointLists.CustomerNumber, Type = ColumnType.Text, MaxLength = 20 }]);

        var report = await new Provisioner(sp.Site).RunAsync();

        Assert.Contains("added column 'JobTitle' (Text) to 'TeamsCrm Contacts'", report.Changes);
        Assert.Contains("made column 'CustomerNumber' of 'TeamsCrm Contacts' indexed and required", report.Changes);
        Assert.DoesNotContain(report.Changes, c => c.StartsWith("created list 'TeamsCrm Contacts'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharePoint_mode_without_a_site_id_stops_at_start_with_a_clear_error()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Archive:Provider"] = "SharePoint" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddSingleton(TimeProvider.System).AddLogging()
            .AddArchive().BuildServiceProvider();
        var errors = new StringWriter();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ICrmArchive>());
        var exit = await ProvisionCommand.RunAsync([], TextWriter.Null, errors);

        Assert.Contains("Archive:SharePoint:SiteId", error.Message);
        Assert.Equal(1, exit);
        Assert.Contains("Archive:SharePoint:SiteId", errors.ToString());
    }

    [Fact]
    public async Task An_archive_on_a_site_without_its_lists_says_how_to_make_them()
    {
        await using var sp = await FakeSharePoint.StartAsync(provision: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sp.Archive(TimeProvider.System).Customers.GetAsync("C-2026-00001"));

        Assert.Contains("-- provision", error.Message);
    }
}
