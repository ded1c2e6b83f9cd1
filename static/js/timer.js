// A countdown to activity.timer_ends_at, corrected for the phone's wrong clock
// by the server_time the last sync reported.
import { t } from "./i18n.js";

export class Countdown {
  constructor(node) {
    this.node = node;
    this.skew = 0;
    this.endsAt = null;
    this.interval = null;
  }

  syncClock(serverTimeIso) {
    const server = Date.parse(serverTimeIso);
    if (!Number.isNaN(server)) this.skew = server - Date.now();
  }

  set(endsAtIso) {
    const endsAt = endsAtIso ? Date.parse(endsAtIso) : null;
    if (endsAt === this.endsAt) return;
    this.endsAt = endsAt;
    clearInterval(this.interval);
    this.interval = null;
    this.node.hidden = endsAt === null;
    if (endsAt === null) return;
    this.tick();
    this.interval = setInterval(() => this.tick(), 250);
  }

  tick() {
    const left = Math.max(0, Math.ceil((this.endsAt - (Date.now() + this.skew)) / 1000));
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, "0");
    this.node.textContent = left > 0 ? t("time_left", { time: `${minutes}:${seconds}` }) : t("time_up");
    this.node.classList.toggle("timer-low", left <= 10);
    if (left === 0) {
      clearInterval(this.interval);
      this.interval = null;
    }
  }
}
