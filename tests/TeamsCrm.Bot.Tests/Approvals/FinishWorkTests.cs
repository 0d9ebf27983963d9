using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>The steps a decision leaves, as plain C#: the claim, the back-off, two runs' work kept together.</summary>
public class FinishWorkTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(500, 60)]
    public void Each_failed_run_doubles_the_wait_up_to_an_hour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), FinishWork.Backoff(failures));

    [Fact]
    public void A_claim_holds_until_its_lease_ends_and_a_failed_run_lets_it_go_until_the_back_off_ends()
    {
        var claimed = FinishWork.Start("en", "UTC", tellRequester: true, Now).Claim(Now, TimeSpan.FromMinutes(2));
        Assert.True(claimed.IsClaimedAt(Now.AddMinutes(2).AddTicks(-1)));
        Assert.False(claimed.IsClaimedAt(Now.AddMinutes(2)));
        Assert.Equal(Now.AddMinutes(2), claimed.DueAt);   // a run that dies is taken over then

        var failed = claimed.Failed(Now.AddSeconds(10)).Failed(Now.AddMinutes(2));
        Assert.Equal((2, (DateTimeOffset?)null, Now.AddMinutes(4)), (failed.Failures, failed.ClaimedUntil, failed.DueAt));
    }

    [Fact]
    public void Two_runs_work_is_kept_together_and_the_requester_counts_as_told_if_either_told_them()
    {
        var copy = new CardCopy("a:chat", "1", "https://smba/");
        var one = FinishWork.Start("en", "UTC", tellRequester: true, Now).With([FinishWork.KeyOf(copy)], null);
        var both = one.With(["19:channel|2", FinishWork.KeyOf(copy)], Now);

        Assert.Equal(["a:chat|1", "19:channel|2"], both.CopiesUpdated);
        Assert.True(both.IsUpdated(copy));
        Assert.True(one.RequesterPending);
        Assert.False(both.RequesterPending);
        Assert.False(FinishWork.Start("en", "UTC", tellRequester: false, Now).RequesterPending);   // a cancellation tells nobody
    }
}
