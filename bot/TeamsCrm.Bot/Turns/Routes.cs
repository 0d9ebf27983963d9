using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Features.CheckIns;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Documents;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Features.Help;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Features.MessageActions;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Profile;
using TeamsCrm.Bot.Features.Requests;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Features.Reports;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Turns;

/// <summary>Every command and card verb the bot understands, in one table, in both languages.</summary>
public static class Routes
{
    public static Router Map(Router r)
    {
        r.Command(["help", "帮助", "?"], HelpHandler.Show);
        r.Command(["whoami", "who am i", "我是谁"], ProfileHandler.Show);
        r.Command(["new customer", "新客户", "新建客户"], NewCustomerHandler.Start);
        r.Command(["find", "查找"], FindHandler.Find);
        r.Command(["log visit", "拜访", "记录拜访"], VisitStart.LogVisit);      // "log visit Huadong", "拜访华为", or a whole note
        r.Command(["my day", "今日拜访", "我的日报"], DayReportHandler.MyDay);   // a day word picks another day: "my day yesterday"
        r.Command(["team day", "团队日报"], DayReportHandler.TeamDay);
        r.Command(["my month", "本月拜访"], MonthReportHandler.MyMonth);
        r.Command(["team month", "团队月报"], MonthReportHandler.TeamMonth);
        r.Command(["due visits", "待拜访"], DueVisitsHandler.Show);          // one's customers overdue or due within a week, by their level
        r.Command(["correct visit", "更正拜访", "撤回拜访"], CorrectionHandler.List);   // one's recent reports → correct or withdraw, with a reason
        r.Command(["plan", "拜访计划", "周计划", "本周计划"], PlanHandler.ThisWeek);
        r.Command(["plan next", "下周计划"], PlanHandler.NextWeek);
        r.Command(["team plans", "团队计划"], TeamPlansHandler.Show);      // a leader's week: every report's plan, approve all or one by one

        r.Command(["delete", "删除"], DeleteHandler.Command);          // "delete C-2026-00042" → the form with a reason
        r.Command(["restore", "恢复"], DeleteHandler.Restore);         // within the 30 days of retention
        r.Command(["approvals", "审批"], ApprovalListHandler.Show);
        r.Command(["delegate", "委托"], DelegationHandler.Command);        // while away, one's requests go to a delegate
        r.Command(["access", "查阅"], AccessRequestHandler.Command);     // another rep's file, for some days
        r.Command(["escalate", "升级"], EscalationHandler.Command);      // raise a visit's level, invite the customer

        // Managing: monthly sales targets (a started month's change goes through approval), scores, analysis, exports.
        r.Command(["targets", "销售指标"], TargetHandler.Show);              // "targets next" / "销售指标 下月": next month
        r.Command(["my score", "我的业绩"], ScoreHandler.Mine);
        r.Command(["team score", "团队业绩"], ScoreHandler.Team);
        r.Command(["analysis", "客户分析"], AnalysisHandler.Show);
        // Maintenance, once after an upgrade (in the README, not on everyone's help card): the monthly rollups from the records.
        r.Command(["rollups rebuild", "重建汇总"], RollupsHandler.Rebuild, listed: false);
        r.Command(["export", "导出"], CustomerHistory.Command);             // "export C-2026-00042": the file's history as CSV
        r.Verb("targets.save", TargetHandler.Save);
        r.Verb("targets.open", TargetHandler.Open);

        // Monthly market-analysis report (月报) and channel reminders: the scheduler posts them (Scheduling/);
        // these are what people type and press.
        r.Command(["report", "月报"], ReportHandler.Write);                // this period's report, due before the 5th
        r.Command(["report status", "月报情况"], ReportHandler.Status);     // for leaders and managers: who has submitted
        r.Command(["reminders", "提醒"], ReminderSettingsHandler.Show);     // in a channel, sales manager: which reminders, when
        r.Command(["reminders me", "我的提醒"], QuietHoursHandler.Command);  // one's own quiet hours for personal reminders
        r.Verb(ReportCards.SaveVerb, ReportHandler.Save);
        r.Verb(ReportCards.EditVerb, ReportHandler.Edit);
        r.Verb(ReminderSettingsCards.SaveVerb, ReminderSettingsHandler.Save);
        r.Verb(ReminderCards.OpenVerb, ReminderOpenHandler.Open);          // a reminder's button → the card in one's 1:1 chat
        r.Verb(PersonalReminderCards.SnoozeVerb, ReminderSnoozeHandler.Snooze);   // a personal reminder again in an hour, or tomorrow morning
        r.Verb(PersonalReminderCards.MuteVerb, ReminderSnoozeHandler.Mute);
        r.Verb(PersonalReminderCards.UnmuteVerb, ReminderSnoozeHandler.Unmute);

        r.Verb("help.show", HelpHandler.ShowAsCard);
        r.Verb("help.topic", HelpHandler.Topic);

        r.Verb("customer.new", NewCustomerHandler.Form);            // kind chosen → the form
        r.Verb("customer.create", NewCustomerHandler.Create);       // form submitted → pending file
        r.Verb("customer.open", FindHandler.Open);
        r.Verb("customer.edit", EditHandler.Edit);
        r.Verb("customer.save", EditHandler.Save);
        r.Verb("customer.contact", ContactHandler.Form);
        r.Verb("customer.contact.save", ContactHandler.Save);
        r.Verb("customer.entry", EntryHandler.Form);
        r.Verb("customer.entry.save", EntryHandler.Save);
        r.Verb("customer.delete", DeleteHandler.Form);
        r.Verb("customer.delete.send", DeleteHandler.Send);           // → a Deletion request to the sales manager
        r.Verb("customer.restore", DeleteHandler.RestoreFromCard);
        r.Verb("request.access", AccessRequestHandler.Form);
        r.Verb("request.access.send", AccessRequestHandler.Send);       // → an Access request to the sales manager and the GM
        r.Verb("request.escalate", EscalationHandler.Form);
        r.Verb("request.escalate.send", EscalationHandler.Send);         // → a VisitEscalation request to the key-account director

        // Documents: files sent in the chat go to the sender's inbox, then the filing card puts them in a customer's folder.
        r.Files(DocumentInbox.Receive);                             // a message with files (a contract, photos after a visit)
        r.Verb(DocumentCards.FileVerb, FilingHandler.File);         // → the customer's folder, in its history
        r.Verb(DocumentCards.DiscardVerb, FilingHandler.Discard);
        r.Verb(DocumentSection.SendVerb, SendHandler.Offer);        // "Send me": Teams' file consent card
        r.Verb(FileOffer.AnswerVerb, SendHandler.Answer);           // accepted → into the person's OneDrive and chat
        r.Verb(DocumentSection.HowVerb, HowHandler.Explain);        // "Add document" / "Add photos": how to send one
        r.Verb(DocumentSection.RemoveVerb, RemoveHandler.Ask);      // "Remove": asks first
        r.Verb(RemoveHandler.ConfirmVerb, RemoveHandler.Confirm);   // → out of the folder, in the history

        // The rep's day: what to know before each planned visit, on demand and each morning (BriefScheduler).
        r.Command(["brief", "今日简报", "简报"], BriefHandler.Command);
        r.Verb(PersonalReminderCards.BriefVerb, BriefHandler.Open);           // the daily digest's "Today's brief"
        r.Verb(CheckInHandler.OpenVerb, CheckInHandler.Open);          // Check in → the check-in page in a Teams dialog (task/fetch)
        r.Verb(CheckInHandler.DoneVerb, CheckInHandler.Done);          // the page checked in or out → what was stored (task/submit)

        // Ledger import, for the sales manager: a workbook sent in the chat → how to read it → dry run → apply, in the background.
        r.Command(["import", "导入", "导入客户"], ImportHandler.Command);   // how, and the ledgers waiting in one's inbox
        r.Verb(ImportCards.StartVerb, ImportHandler.Start);            // Import customers → the mapping card
        r.Verb(ImportCards.CheckVerb, ImportHandler.Check);            // → the dry run's report, posted when done
        r.Verb(ImportCards.ApplyVerb, ImportHandler.Apply);            // → imported, resumed if cut short
        r.Verb(ImportCards.DiscardVerb, ImportHandler.Discard);

        r.Verb("visit.form", VisitHandler.Form);                    // a customer chosen (card button, chooser) → the form
        r.Verb("visit.save", VisitHandler.Save);                    // once per submission id → the read-only report
        r.Verb("visit.cancel", VisitHandler.Cancel);
        r.Verb(CorrectionCards.OpenVerb, CorrectionHandler.Open);         // a saved report → the form prefilled, with a reason
        r.Verb(CorrectionCards.SaveVerb, CorrectionHandler.Save);         // once per submission id → in the visit's history
        r.Verb(CorrectionCards.WithdrawVerb, CorrectionHandler.Withdraw); // gone from reports, kept in the history
        r.Verb(CorrectionCards.CancelVerb, CorrectionHandler.Cancel);     // back to the report as stored
        r.Compose(CustomerComposeExtension.CommandId, CustomerComposeExtension.Query);   // the compose box's Customers search (message extension)
        r.Compose(ComposeVerbs.SelectItem, CustomerComposeExtension.Select);          // a result chosen → the card for that conversation
        r.Compose(ComposeVerbs.QueryLink, CustomerComposeExtension.Unfurl);           // a file's link pasted → the same card (link unfurling)
        r.Verb(CustomerComposeExtension.RefreshVerb, CustomerComposeExtension.Refresh);  // an inserted card kept current (Universal Actions refresh)
        r.Compose(VisitCards.LogAsVisitCommand, VisitStart.FromMessage);             // "Log as visit" on a message → the form in a dialog
        r.Compose(CustomerNoteAction.CommandId, CustomerNoteAction.Fetch);            // "Add to customer notes" → which customer, the note
        r.Verb(CustomerNoteCards.SaveVerb, CustomerNoteAction.Save);
        r.Search(VisitCards.CustomerDataset, VisitHandler.Search);  // typeahead: Data.Query → application/search

        r.Verb("plan.add", PlanHandler.Add);                        // each change is stored as a draft at once
        r.Verb("plan.remove", PlanHandler.Remove);
        r.Verb("plan.suggest", PlanHandler.AddSuggested);           // a Suggested customer (overdue or due soon) → planned at one press
        r.Verb("plan.actions", PlanHandler.SaveActions);            // the week's action plan (table 5-5) alone
        r.Verb("plan.submit", PlanHandler.Submit);                  // → submitted to the direct leader, with progress
        r.Verb("plan.edit", PlanHandler.Edit);
        r.Verb("plan.open", PlanHandler.Open);                      // this week ↔ next week
        r.Verb(TeamPlanCards.OpenVerb, TeamPlansHandler.Open);
        r.Verb(TeamPlanCards.DecideVerb, TeamPlansHandler.Decide);          // one rep's plan: approve, or return with a comment
        r.Verb(TeamPlanCards.ApproveAllVerb, TeamPlansHandler.ApproveAll);  // every plan as shown; one changed since is left out

        r.Verb(ApprovalCards.RefreshVerb, ApprovalHandler.Refresh);   // Teams asks for a per-user view
        r.Verb("approval.decide", ApprovalHandler.Decide);
        r.Verb("approval.cancel", ApprovalHandler.Cancel);
        r.Verb(ApprovalCards.ReassignVerb, ApprovalHandler.Reassign);   // the sales manager gives a waiting request to someone else

        r.Installed(HelpHandler.Welcome);
        r.UnknownVerb(HelpHandler.StaleCard);
        r.Fallback(VisitStart.QuickNote);                           // "visited Acme today, met Wang…", else "not understood"
        return r;
    }
}
