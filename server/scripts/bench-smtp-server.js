// The mail server of bench-mail.js, in a process of its own as a real one would be (in the load
// generator's process it shared that process's one event loop with the load): a loopback SMTP
// server (smtp-server) that counts the messages it accepts. It tells its parent its port, then
// answers each "count" with how many it has accepted.
import process from 'node:process';
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  // Not a reverse DNS lookup of 127.0.0.1 per connection (it alone held each email ~0.1 s here).
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('end', () => {
      received++;
      callback();
    });
    stream.resume();
  },
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }));
process.on('message', (message) => {
  if (message === 'count') process.send?.({ received });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
