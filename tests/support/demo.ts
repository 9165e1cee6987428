// The demo accounts' password, from the app itself: the one place tests learn it. The demo module only defines
// functions at import time (the database opens on startDatabase(), never on import), so re-exporting is safe.
export { DEMO_PASSWORD } from "~/services/demo/demo.server";
