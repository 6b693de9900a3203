/** A few rows of the Anonymous Bank format, with the quirks of the real log. */
const HEADER =
  'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,' +
  'q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server'
const D = '1999-08-02'
export const SAMPLE_CSV = [
  HEADER,
  `AA0101,1,0,0,PS,${D},10:00:00,10:00:05,5,0:00:00,0:00:00,0,PHANTOM,0:00:00,0:00:00,0,NO_SERVER`,
  `AA0101,2,0,0,PS,${D},10:00:00,10:00:30,30,0:00:00,0:00:00,0,HANG,0:00:00,0:00:00,0,NO_SERVER`,
  `AA0101,3,77,1,NW,${D},10:00:00,10:00:10,10,10:00:10,10:01:00,50,HANG,0:00:00,0:00:00,0,NO_SERVER`,
  `AA0102,4,0,2,PS,${D},23:58:00,23:58:10,10,23:58:10,23:59:50,100,AGENT,23:59:50,0:03:10,200,DORIT`,
  `AA0102,5,0,0,PS,${D},11:00:00,11:00:06,6,11:00:06,11:02:00,114,AGENT,0:00:00,0:00:00,0,DORIT`,
  `AA0103,6,0,0,IN,${D},12:00:00,12:00:09,9,0:00:00,0:00:00,0,AGENT,12:00:09,12:05:00,291,NO_SERVER`,
  `AA0103,7,0,0,PS,${D},13:00:00,13:00:06,6,13:00:06,13:00:20,14,HANG,13:00:25,13:04:00,215,NO_SERVER`,
  `AA0207,8,0,1,PS,${D},12:04:42,12:03:15,-87,12:03:15,12:04:56,101,AGENT,12:04:55,12:05:56,61,VICKY`,
  `AA0216,2010-08-,0,0,IN,${D},10:47:35,10:47:45,10,10:47:45,10:48:15,30,AGENT,10:48:15,10:49:31,76,DORIT`,
  'AA0216,9,0',
  `AA0101,10,0,0,PS,${D},10:00:00,10:00:05,5,0:00:00,0:00:00,0,MAYBE,0:00:00,0:00:00,0,NO_SERVER`,
].join('\r\n')
