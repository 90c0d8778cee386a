"""E-mails over SMTP (Python's smtplib): the reminders, the password-reset link and the
sign-up mails (the link that confirms a new account; the notice to an address that has
one already), in the recipient's language, with links to the right page."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from aibudget.domain.errors import AibudgetError
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.jobs.settings import JobSettings, SmtpSecurity
from aibudget.store.mail_accounts import Recipient
from aibudget.store.records import User


class MailNotConfigured(AibudgetError):
    message_id = "jobs.mail_not_configured"
    http_status = 503


class Reminder:
    ACTUALS = "actuals"  # monthly: enter your actuals
    REVIEW = "review"  # quarterly: the review is due


PAGES = {Reminder.ACTUALS: "actuals", Reminder.REVIEW: "review"}


def _message(settings: JobSettings, user: User, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.mail_sender
    mail["To"] = formataddr((user.name, user.email))
    mail["Subject"] = subject
    mail["Message-ID"] = make_msgid(domain="aibudget")
    mail.set_content(body)
    return mail


def reminder(settings: JobSettings, kind: str, period: str, who: Recipient) -> EmailMessage:
    """The monthly actuals or quarterly review reminder about every plan ``who`` edits."""
    t = Translator(who.user.locale)
    base = settings.public_url
    lines = [
        t(f"jobs.mail.{kind}_line", workspace=p.workspace_name, plan=p.plan_name)
        + f"\n  {base}/w/{p.workspace_id}/p/{p.plan_id}/{PAGES[kind]}"
        for p in who.plans
    ]
    body = "\n\n".join(
        [
            t("jobs.mail.greeting", name=who.user.name),
            t(f"jobs.mail.{kind}_intro", period=period),
            *lines,
            t("jobs.mail.opt_out") + f"\n  {base}/account/mail",
        ]
    )
    return _message(settings, who.user, t(f"jobs.mail.{kind}_subject", period=period), body)


def reset(settings: JobSettings, user: User, token: str) -> EmailMessage:
    t = Translator(user.locale)
    intro = t("jobs.mail.reset_intro", minutes=settings.reset_minutes)
    link = f"{settings.public_url}/password/reset?token={token}"
    return _link_mail(settings, user, t, "reset", intro, link)


def confirm(settings: JobSettings, user: User, token: str) -> EmailMessage:
    """The link that confirms a new account's address (and signs it in)."""
    t = Translator(user.locale)
    intro = t("jobs.mail.confirm_intro", count=settings.confirm_hours)
    link = f"{settings.public_url}/signup/confirm?token={token}"
    return _link_mail(settings, user, t, "confirm", intro, link)


def _link_mail(
    settings: JobSettings, user: User, t: Translator, kind: str, intro: str, link: str
) -> EmailMessage:
    """A mail carrying one link: greeting, what it is for, the link, what to do if the
    reader did not ask for it."""
    body = "\n\n".join(
        [t("jobs.mail.greeting", name=user.name), intro, f"  {link}", t(f"jobs.mail.{kind}_ignore")]
    )
    return _message(settings, user, t(f"jobs.mail.{kind}_subject"), body)


# Message ids built at run time in this module, declared for message extraction.
LINK_MAIL_MESSAGES = (
    N_("jobs.mail.confirm_ignore"),
    N_("jobs.mail.confirm_subject"),
    N_("jobs.mail.reset_ignore"),
    N_("jobs.mail.reset_subject"),
)


def sign_up_taken(settings: JobSettings, user: User, reset_token: str) -> EmailMessage:
    """To an address that has an account when someone signs up with it again: nothing
    changed; how to sign in, and a working link to set a new password."""
    t = Translator(user.locale)
    base = settings.public_url
    body = "\n\n".join(
        [
            t("jobs.mail.greeting", name=user.name),
            t("jobs.mail.taken_intro"),
            t("jobs.mail.taken_sign_in") + f"\n  {base}/login",
            t("jobs.mail.taken_reset", minutes=settings.reset_minutes)
            + f"\n  {base}/password/reset?token={reset_token}",
            t("jobs.mail.taken_ignore"),
        ]
    )
    return _message(settings, user, t("jobs.mail.taken_subject"), body)


def send(settings: JobSettings, mail: EmailMessage) -> None:
    """Deliver ``mail`` to the configured server (errors propagate: the job retries)."""
    if not settings.mail_enabled:
        raise MailNotConfigured()
    timeout = settings.smtp_timeout_seconds
    server: smtplib.SMTP
    if settings.smtp_security is SmtpSecurity.SSL:
        context = ssl.create_default_context()
        server = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=context
        )
    else:
        server = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with server:
        if settings.smtp_security is SmtpSecurity.STARTTLS:
            server.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            server.login(settings.smtp_user, settings.smtp_password.get_secret_value())
        server.send_message(mail)


# Message ids built at run time in this module, declared for message extraction.
MAIL_MESSAGES = (
    N_("jobs.mail.actuals_intro"),
    N_("jobs.mail.actuals_line"),
    N_("jobs.mail.actuals_subject"),
    N_("jobs.mail.review_intro"),
    N_("jobs.mail.review_line"),
    N_("jobs.mail.review_subject"),
)
