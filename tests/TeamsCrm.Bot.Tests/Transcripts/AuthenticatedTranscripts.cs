using TeamsCrm.Bot.Tests.Analysis;
using TeamsCrm.Bot.Tests.Approvals;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.Bot.Tests.Reminders;
using TeamsCrm.Bot.Tests.Targets;
using TeamsCrm.Bot.Tests.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Transcripts;

/// <summary>
/// One or more transcripts of each feature family run again with authentication on: every inbound activity carries a
/// real token signed by the test issuer (checked against its OpenID keys, endorsements and serviceurl claim), every
/// outbound call the bot's bearer token (<see cref="Transcript"/> checks each). The expected files are the very same:
/// authentication changes nothing a person sees.
/// </summary>
public class AuthenticatedTranscripts
{
    static Task Authenticated(Func<Task> test) => TestBot.WithAuthenticationAsync(test);

    [Fact]
    public Task Help() => Authenticated(() => new HelpTranscripts().Help_in_English_replies_with_the_help_card());

    [Fact]
    public Task Welcome_on_install() => Authenticated(() => new InstallTranscripts().Personal_install_welcomes_once());

    [Fact]
    public Task Whoami() => Authenticated(() => new ProfileTranscripts().Whoami_shows_the_directory_roles_of_the_authenticated_user());

    [Fact]
    public Task Find_a_customer() => Authenticated(() => new FindTranscripts().The_owner_finds_by_number_name_prefix_and_phone("en-US", "find"));

    [Fact]
    public Task New_customer() => Authenticated(() =>
        new NewCustomerTranscripts().A_rep_files_a_company_and_the_form_becomes_a_pending_summary("zh-CN", "新客户"));

    [Fact]
    public Task Log_a_visit() => Authenticated(() =>
        new LogVisitTranscripts().A_rep_logs_a_visit_the_form_checks_it_and_it_is_saved_once("en-US", "log visit Huadong Precision"));

    [Fact]
    public Task My_day() => Authenticated(() =>
        new Visits.ReportTranscripts().A_rep_sees_the_visits_and_plan_of_a_day("en-US", "my day", "my day monday", "my day someday"));

    [Fact]
    public Task Weekly_plan() => Authenticated(() => new PlanTranscripts().A_rep_builds_the_weeks_plan_and_submits_it_once("en-US", "plan"));

    [Fact]
    public Task An_approval_requested_and_decided() => Authenticated(() =>
        new ApprovalTranscripts().The_leader_gets_the_request_in_their_chat_and_approving_it_activates_the_file_and_tells_the_rep("en-US"));

    [Fact]
    public Task Targets_and_score() => Authenticated(() =>
        new TargetTranscripts().Next_months_targets_save_at_once_and_a_bad_amount_comes_back_beside_its_field("en-US", "targets next", "my score"));

    [Fact]
    public Task Customer_analysis() => Authenticated(() => new AnalysisTranscripts().The_sales_manager_is_answered_and_a_rep_is_refused("analysis", "en-US", "analysis"));

    [Fact]
    public Task Channel_reminder_settings() => Authenticated(() =>
        new ReminderSettingsTranscripts().The_sales_manager_sets_the_channels_reminders_and_a_bad_time_or_zone_is_sent_back_beside_the_field("en-US", "reminders"));

    [Fact]
    public Task Monthly_market_report() => Authenticated(() =>
        new Reminders.ReportTranscripts().A_rep_writes_the_report_an_empty_field_is_sent_back_with_the_texts_kept_and_then_it_is_filed_on_time("en-US", "report"));
}
