#!/bin/bash
# Makes the upgrade fixture UpgradeIT starts the current release on: a city database created by an
# earlier release, with a few of everything in it. Run it with that release's distribution (the
# tar.gz its build made) and keep the zip it writes, named after the release and its commit:
#
#   make-fixture.sh karaf-distribution-0.1.0-SNAPSHOT.tar.gz civicdesk-<version>-<commit>-derby.zip
#
# civicdesk-0.1.0-93588f8-derby.zip was made so from commit 93588f8, the last release before
# Liquibase (its schema made by OpenJPA and CREATE TABLE strings in the bundles).
#
# The zip holds what a city backs up together: the Derby database (data/civicdesk/db), the attachment
# store, the audit anchors (data/civicdesk/...) and the integrity key file (etc/), and expected.json,
# what the old release showed over its API just before it stopped.
set -euo pipefail
dist=$(readlink -f "$1"); out=$(readlink -f "$(dirname "$2")")/$(basename "$2")
work=$(mktemp -d)
# bin/karaf runs the JVM as its child: stop that one too.
trap 'p=$(cat "$work/pid" 2>/dev/null) && kill $(ps -o pid= --ppid "$p") "$p" 2>/dev/null || true' EXIT
cd "$work" && tar xzf "$dist" && cd "$(ls -d */ | head -1)"
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
http=$(free)
set_cfg() { sed -i "/^[[:space:]]*$2[[:space:]]*[=:]/d" "etc/$1"; echo "$2 = $3" >> "etc/$1"; }
set_cfg org.ops4j.pax.web.cfg org.osgi.service.http.port "$http"
set_cfg org.apache.karaf.shell.cfg sshPort "$(free)"
set_cfg org.apache.karaf.management.cfg rmiRegistryPort "$(free)"
set_cfg org.apache.karaf.management.cfg rmiServerPort "$(free)"
set_cfg org.civicdesk.channel.phone.cfg agiPort "$(free)"
set_cfg org.civicdesk.demo.cfg citizens 40
set_cfg org.civicdesk.demo.cfg requests 12
set_cfg org.civicdesk.datasource.tax.demo.cfg taxpayers 20
CHECK_ROOT_INSTANCE_RUNNING=false bin/karaf server > "$work/console.out" 2>&1 &
echo $! > "$work/pid"
api=http://localhost:$http/api/v1
for i in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ] && break; sleep 1; done
call() { # user method path [json]: the body of a 2xx answer, or fails showing the answer
  local body status
  body=$(curl -s -w '\n%{http_code}' -u "$1:$1" -X "$2" -H 'Content-Type: application/json' ${4:+--data-binary "$4"} "$api$3")
  status=${body##*$'\n'}; body=${body%$'\n'*}
  [[ $status == 2* ]] || { echo "$2 $3: $status $body" >&2; return 1; }
  echo "$body"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ion=$(call operator GET '/citizens?cnp=1800101350018&reason=fixture' | field "['items'][0]['id']")
elena=$(call operator GET '/citizens?cnp=2550720350038&reason=fixture' | field "['items'][0]['id']")
numbers=()
for i in 1 2 3 4 5 6; do
  n=$(call operator POST /requests '{"type":"pothole","channel":"phone","citizen":{"cnp":"1800101350018",
    "firstName":"Ion","lastName":"Popescu","address":"Str. Zamca 3, Suceava"},"description":"Groapă '$i' pe Str. Zamca",
    "location":{"lat":47.65,"lon":26.25,"address":"Str. Zamca 3"},"attributes":{"depth":["'$((i * 3))'"]}}' | field "['number']")
  numbers+=("$n")
done
call supervisor POST "/requests/${numbers[0]}/events" '{"kind":"assign","assignee":"employee"}' > /dev/null
call employee POST "/requests/${numbers[0]}/events" '{"kind":"status","status":"in_progress"}' > /dev/null
call employee POST "/requests/${numbers[0]}/events" '{"kind":"comment","comment":"Echipa merge mâine."}' > /dev/null
call supervisor POST "/requests/${numbers[1]}/events" '{"kind":"assign","assignee":"elena"}' > /dev/null
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\0\x05\0\1\xff\x89\x99=\x1d\0\0\0\0IEND\xaeB`\x82' > "$work/dot.png"
curl -sf -u operator:operator -F "file=@$work/dot.png;type=image/png" -F 'comment=Foto' \
  "$api/requests/${numbers[2]}/attachments" > /dev/null
article='{"category":"registry","texts":{"ro":{"title":"Program de sărbători","summary":"Închis pe 1 decembrie."},
  "en":{"title":"Holiday hours","summary":"Closed on 1 December."}}}'
call admin PUT /knowledge/holiday-hours "$article" > /dev/null
call admin PUT /knowledge/holiday-hours "${article//1 decembrie/1 și 2 decembrie}" > /dev/null
pin=$(call operator POST "/citizens/$elena/pin" '' | field "['pin']")
now=$(date -u +%Y-%m-%dT%H:%M:%SZ); later=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
ann=$(call supervisor POST /announcements '{"texts":{"ro":"Apa se oprește marți.","en":"No water on Tuesday."},
  "validFrom":"'$now'","validUntil":"'$later'"}' | field "['id']")
call supervisor POST /announcements '{"texts":{"ro":"Ședință publică.","en":"Public meeting."},
  "validFrom":"'$now'","validUntil":"'$later'"}' > /dev/null
call supervisor POST "/announcements/$ann/withdraw" '' > /dev/null
poll=$(call supervisor POST /polls '{"questions":{"ro":"Parc nou în Zamca?","en":"A new park?"},"options":[
  {"key":"yes","names":{"ro":"Da","en":"Yes"}},{"key":"no","names":{"ro":"Nu","en":"No"}}],
  "opensAt":"'$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)'","closesAt":"'$later'"}' | field "['id']")
curl -sf -d "cnp=2550720350038&pin=$pin&option=yes" "http://localhost:$http/portal/api/polls/$poll/votes" > /dev/null
curl -sf "http://localhost:$http/open311/v2/requests.json" -d api_key=demo-open311-key -d service_code=pothole \
  -d lat=47.6512 -d long=26.2551 --data-urlencode 'description=Groapă la trecere' -d 'attribute[depth]=12' > /dev/null
interaction=$(call operator POST /interactions '{"channel":"phone"}' | field "['id']")
call operator POST "/interactions/$interaction/citizen" '{"citizenId":"'$ion'","verified":true}' > /dev/null
call operator POST "/interactions/$interaction/requests" '{"request":"'${numbers[3]}'"}' > /dev/null
call operator POST "/interactions/$interaction/close" '{"outcome":"request_filed","remarks":"Sunat din nou"}' > /dev/null
call operator PUT /phone/agents/me '{"presence":"available"}' > /dev/null
call operator PUT /phone/agents/me '{"presence":"logged_out"}' > /dev/null
# What the old release shows: every request with its history, and the integrity check.
python3 - "$api" > "$work/expected.json" <<'PY'
import base64, json, sys, urllib.request
api = sys.argv[1]
def get(path):
    r = urllib.request.Request(api + path, headers={"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode()})
    return json.load(urllib.request.urlopen(r))
items = get("/requests?limit=1000&from=2000-01-01")["items"]
requests = {i["number"]: get("/requests/" + i["number"]) for i in items}
print(json.dumps({"requests": requests, "integrity": get("/audit/integrity")}, ensure_ascii=False, indent=1))
PY
python3 -c "import json; d=json.load(open('$work/expected.json')); assert d['integrity']['intact'], d['integrity']"
bin/stop; while kill -0 "$(cat "$work/pid")" 2>/dev/null; do sleep 1; done
rm -f "$out" && cp "$work/expected.json" . && zip -qr "$out" expected.json data/civicdesk/db data/civicdesk/anchors data/civicdesk/attachments \
  etc/civicdesk-integrity.keys
echo "fixture: $out ($(du -h "$out" | cut -f1)), requests: $(python3 -c "import json; print(len(json.load(open('expected.json'))['requests']))")"
