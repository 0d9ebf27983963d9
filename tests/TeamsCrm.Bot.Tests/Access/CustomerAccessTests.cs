using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Access;

/// <summary>The access rules of DOMAIN.md for every role, on a file owned by the rep Li Na (leader: Zhang Wei).</summary>
public class CustomerAccessTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    static Person P(string id, params Role[] roles) => new(id, id, null, roles.ToHashSet(), null);

    static readonly Person LiNa = P("li-na", Role.Rep);
    static readonly Person Tom = P("tom", Role.Rep);
    static readonly Person ZhangWei = P("zhang-wei", Role.Supervisor);
    static readonly Person OtherLeader = P("other-leader", Role.Supervisor);
    static readonly Person WangFang = P("wang-fang", Role.SalesManager, Role.KeyAccountDirector);
    static readonly Person ChenJie = P("chen-jie", Role.GeneralManager);
    static readonly Person LiuYang = P("liu-yang", Role.CustomerService);
    static readonly Person NoRole = P("no-role");

    static Customer File(CustomerStatus status = CustomerStatus.Active) => new()
    {
        Number = "C-2026-00042", Kind = CustomerKind.Enterprise, Name = "Huadong Precision", OwnerAadObjectId = "LI-NA", Status = status,
    };

    static FileView View(Person? reader, params AccessGrant[] grants) => CustomerAccess.ViewOf(reader, File(), "zhang-wei", grants, Now);

    [Fact]
    public void The_owner_reads_in_full_whatever_the_case_of_the_id() => Assert.Equal(FileView.Full, View(LiNa));

    [Fact]
    public void Sales_manager_general_manager_key_account_director_and_customer_service_read_all()
    {
        Assert.Equal(FileView.Full, View(WangFang));
        Assert.Equal(FileView.Full, View(ChenJie));
        Assert.Equal(FileView.Full, View(LiuYang));
        Assert.Equal(FileView.Full, View(P("kad", Role.KeyAccountDirector)));
    }

    [Fact]
    public void The_owners_direct_leader_reads_in_full_another_leader_does_not()
    {
        Assert.Equal(FileView.Full, View(ZhangWei));
        Assert.Equal(FileView.Redacted, View(OtherLeader));
    }

    [Fact]
    public void Another_rep_sees_the_redacted_view_unless_a_grant_is_active()
    {
        Assert.Equal(FileView.Redacted, View(Tom));
        var grant = new AccessGrant("C-2026-00042", "tom", "wang-fang", Now.AddDays(-1), Now.AddDays(6));
        Assert.Equal(FileView.Full, View(Tom, grant));
        Assert.Equal(FileView.Redacted, View(Tom, grant with { Until = Now }));                       // expired at this instant
        Assert.Equal(FileView.Redacted, View(Tom, grant with { From = Now.AddMinutes(1) }));         // not yet
        Assert.Equal(FileView.Redacted, View(Tom, grant with { CustomerNumber = "C-2026-00043" }));  // another file
        Assert.Equal(FileView.Redacted, View(Tom, grant with { GranteeAadObjectId = "someone-else" }));
    }

    [Fact]
    public void Nobody_outside_the_sales_roles_may_query_the_archive()
    {
        Assert.Equal(FileView.None, View(NoRole));
        Assert.Equal(FileView.None, View(null));
        Assert.False(CustomerAccess.MayQuery(NoRole));
    }

    [Fact]
    public void Every_read_but_the_owners_is_logged()
    {
        Assert.False(CustomerAccess.MustLog(LiNa, File()));
        Assert.True(CustomerAccess.MustLog(Tom, File()));
        Assert.True(CustomerAccess.MustLog(WangFang, File()));
    }

    [Fact]
    public void Only_the_owner_edits_and_only_a_live_file()
    {
        Assert.True(CustomerAccess.MayEdit(LiNa, File()));
        Assert.True(CustomerAccess.MayEdit(LiNa, File(CustomerStatus.Pending)));
        Assert.False(CustomerAccess.MayEdit(LiNa, File(CustomerStatus.Deleted)));
        Assert.False(CustomerAccess.MayEdit(WangFang, File()));
        Assert.False(CustomerAccess.MayEdit(Tom, File()));
    }

    [Fact]
    public void Customer_service_logs_complaints_on_any_file_but_nothing_else()
    {
        Assert.True(CustomerAccess.MayAddEntry(LiuYang, File(), EntryType.Complaint));
        Assert.False(CustomerAccess.MayAddEntry(LiuYang, File(), EntryType.Contract));
        Assert.True(CustomerAccess.MayAddEntry(LiNa, File(), EntryType.Contract));
        Assert.False(CustomerAccess.MayAddEntry(Tom, File(), EntryType.Complaint));
    }

    [Fact]
    public void Visits_are_logged_only_on_files_seen_in_full()
    {
        Assert.True(CustomerAccess.MayLogVisit(FileView.Full));
        Assert.False(CustomerAccess.MayLogVisit(FileView.Redacted));
        Assert.False(CustomerAccess.MayLogVisit(FileView.None));
    }
}
