/** Reports from every network whose reports the signed-in person may read (GET): their ready documents, newest first. */
export const MY_REPORTS_URL = '/api/me/reports';
