using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>Who approves each kind of request, from the directory; who may decide and cancel.</summary>
public class ApprovalRulesTests
{
    // The demo organisation's shape: two reps under a supervisor, a sales manager (also key-account director), a GM.
    const string Rep = "rep", Rep2 = "rep2", Leader = "leader", Manager = "manager", Gm = "gm";

    static IDirectory Org(bool withLeader = true, bool withManager = true) => new ConfiguredDirectory(Options.Create(new DirectoryOptions
    {
        People =
        [
            new() { AadObjectId = Rep, Name = "Li Na", Roles = [Role.Rep], ManagerAadObjectId = withLeader ? Leader : null },
            new() { AadObjectId = Rep2, Name = "Tom", Roles = [Role.Rep], ManagerAadObjectId = Leader },
            new() { AadObjectId = Leader, Name = "Zhang Wei", Roles = [Role.Supervisor], ManagerAadObjectId = Manager },
            new() { AadObjectId = Manager, Name = "Wang Fang", Roles = withManager ? [Role.SalesManager, Role.KeyAccountDirector] : [], ManagerAadObjectId = Gm },
            new() { AadObjectId = Gm, Name = "Chen Jie", Roles = [Role.GeneralManager] },
        ],
    }));

    [Theory]
    [InlineData(ApprovalKind.NewFile, new[] { Leader })]
    [InlineData(ApprovalKind.VisitPlan, new[] { Leader })]
    [InlineData(ApprovalKind.Modification, new[] { Manager })]
    [InlineData(ApprovalKind.Deletion, new[] { Manager })]
    [InlineData(ApprovalKind.Access, new[] { Manager, Gm })]
    [InlineData(ApprovalKind.TargetChange, new[] { Manager })]
    [InlineData(ApprovalKind.VisitEscalation, new[] { Manager })]
    public async Task Each_kind_goes_to_the_people_the_rules_name(ApprovalKind kind, string[] expected)
    {
        var approvers = await ApprovalRules.ApproversAsync(kind, Rep, Org());
        Assert.Equal(expected, approvers.Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task Nobody_approves_their_own_request_so_a_manager_modifying_a_file_has_no_approver_but_the_gm_for_access()
    {
        Assert.Empty(await ApprovalRules.ApproversAsync(ApprovalKind.Modification, Manager, Org()));
        Assert.Equal([Gm], (await ApprovalRules.ApproversAsync(ApprovalKind.Access, Manager, Org())).Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task The_key_account_directors_own_target_change_goes_to_the_general_manager()
    {
        Assert.Equal([Gm], (await ApprovalRules.ApproversAsync(ApprovalKind.TargetChange, Manager, Org())).Select(p => p.AadObjectId));
        Assert.Empty(await ApprovalRules.ApproversAsync(ApprovalKind.VisitEscalation, Manager, Org()));   // only target changes go up
    }

    [Fact]
    public async Task No_leader_or_no_sales_manager_means_no_approver()
    {
        Assert.Empty(await ApprovalRules.ApproversAsync(ApprovalKind.NewFile, Rep, Org(withLeader: false)));
        Assert.Empty(await ApprovalRules.ApproversAsync(ApprovalKind.Deletion, Rep, Org(withManager: false)));
        Assert.Empty(await ApprovalRules.ApproversAsync(ApprovalKind.NewFile, "someone-unknown", Org()));
    }

    static Approval Request(params string[] approvers) => new()
    {
        Id = "A1", Kind = ApprovalKind.Access, Subject = "C-2026-00001", SubjectName = "Huadong", RequesterAadObjectId = Rep,
        ApproverAadObjectIds = approvers, CreatedAt = DateTimeOffset.UnixEpoch, RequestKey = "k", Version = "1",
    };

    [Fact]
    public void Only_a_named_approver_decides_a_pending_request_and_a_rejection_needs_a_comment()
    {
        var a = Request(Manager, Gm);
        Assert.Null(ApprovalRules.CheckDecide(a, Manager, Decision.Approve, null));
        Assert.Null(ApprovalRules.CheckDecide(a with { ApproverAadObjectIds = [Gm.ToUpperInvariant()] }, Gm, Decision.Approve, null));   // ids compare case-insensitively
        Assert.Equal(DecisionRefusal.NotAnApprover, ApprovalRules.CheckDecide(a, Rep2, Decision.Approve, null));
        Assert.Equal(DecisionRefusal.OwnRequest, ApprovalRules.CheckDecide(a, Rep, Decision.Approve, null));
        Assert.Equal(DecisionRefusal.CommentRequired, ApprovalRules.CheckDecide(a, Gm, Decision.Reject, "  "));
        Assert.Null(ApprovalRules.CheckDecide(a, Gm, Decision.Reject, "not needed"));

        var decided = ApprovalRules.Decide(a, Gm, Decision.Reject, " not needed ", DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal((ApprovalStatus.Rejected, Gm, "not needed"), (decided.Status, decided.DecidedByAadObjectId, decided.Comment));
        Assert.Equal(DecisionRefusal.AlreadyDecided, ApprovalRules.CheckDecide(decided, Manager, Decision.Approve, null));
    }

    [Fact]
    public void A_requester_listed_among_the_approvers_still_may_not_decide()
    {
        Assert.Equal(DecisionRefusal.OwnRequest, ApprovalRules.CheckDecide(Request(Rep, Manager), Rep, Decision.Approve, null));
        Assert.False(ApprovalRules.IsApprover(Request(Rep), Rep));
    }

    [Fact]
    public void Only_the_requester_cancels_and_only_while_pending()
    {
        var a = Request(Manager);
        Assert.True(ApprovalRules.MayCancel(a, Rep));
        Assert.False(ApprovalRules.MayCancel(a, Manager));
        var cancelled = ApprovalRules.Cancel(a, DateTimeOffset.UnixEpoch);
        Assert.Equal(ApprovalStatus.Cancelled, cancelled.Status);
        Assert.False(ApprovalRules.MayCancel(cancelled, Rep));
    }

    [Fact]
    public void A_request_is_overdue_after_a_day_pending()
    {
        var a = Request(Manager);
        Assert.False(ApprovalRules.IsOverdue(a, a.CreatedAt.AddHours(24)));
        Assert.True(ApprovalRules.IsOverdue(a, a.CreatedAt.AddHours(24).AddSeconds(1)));
        Assert.False(ApprovalRules.IsOverdue(a with { Status = ApprovalStatus.Approved }, a.CreatedAt.AddDays(3)));
    }
}
